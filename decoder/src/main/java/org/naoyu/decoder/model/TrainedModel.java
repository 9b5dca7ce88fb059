package org.naoyu.decoder.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.naoyu.decoder.data.Epoch;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained decoder with what it needs to run: the DL4J graph (two softmax outputs, base and tone), the base syllables
 * in output order, and the input shape — windows of {@code frames × width} for the network, the same averaged in bins
 * of {@code binFrames} for the linear model.
 */
public final class TrainedModel implements SyllableDecoder {

    /** The kinds of model. */
    public enum Kind { NETWORK, LINEAR }

    private final Kind kind;
    private final ComputationGraph graph;
    private final List<String> bases;
    private final int frames;
    private final int width;
    private final int binFrames;

    TrainedModel(Kind kind, ComputationGraph graph, List<String> bases, int frames, int width, int binFrames) {
        this.kind = kind;
        this.graph = graph;
        this.bases = List.copyOf(bases);
        this.frames = frames;
        this.width = width;
        this.binFrames = binFrames;
    }

    public Kind kind() {
        return kind;
    }

    public List<String> bases() {
        return bases;
    }

    public int frames() {
        return frames;
    }

    public int width() {
        return width;
    }

    public int binFrames() {
        return binFrames;
    }

    ComputationGraph graph() {
        return graph;
    }

    @Override
    public List<Posteriors> predict(List<Epoch> epochs) {
        if (epochs.isEmpty()) {
            return List.of();
        }
        INDArray input = kind == Kind.NETWORK ? recurrentInput(epochs) : binnedInput(epochs);
        INDArray[] out = graph.output(false, input);
        List<Posteriors> result = new ArrayList<>(epochs.size());
        for (int e = 0; e < epochs.size(); e++) {
            result.add(new Posteriors(bases, out[0].getRow(e).toDoubleVector(), out[1].getRow(e).toDoubleVector()));
        }
        return result;
    }

    private void check(Epoch epoch) {
        if (epoch.width() != width || epoch.frames() != frames) {
            throw new IllegalArgumentException("epoch at " + epoch.lockSeconds() + " s has " + epoch.frames()
                    + " frames x " + epoch.width() + " values; the model takes " + frames + " x " + width);
        }
    }

    /** [batch, width, frames]: DL4J's recurrent layout, features along the second axis. */
    INDArray recurrentInput(List<Epoch> batch) {
        float[] flat = new float[batch.size() * width * frames];
        for (int b = 0; b < batch.size(); b++) {
            Epoch epoch = batch.get(b);
            check(epoch);
            for (int f = 0; f < frames; f++) {
                for (int i = 0; i < width; i++) {
                    flat[(b * width + i) * frames + f] = epoch.value(f, i);
                }
            }
        }
        return Nd4j.create(flat, new long[] {batch.size(), width, frames}, 'c');
    }

    INDArray binnedInput(List<Epoch> batch) {
        float[][] rows = new float[batch.size()][];
        for (int i = 0; i < rows.length; i++) {
            check(batch.get(i));
            rows[i] = binned(batch.get(i), binFrames);
        }
        return Nd4j.create(rows);
    }

    /** Mean of each value over consecutive bins of {@code binFrames} frames. */
    static float[] binned(Epoch epoch, int binFrames) {
        int bins = Math.max(1, epoch.frames() / binFrames);
        int width = epoch.width();
        float[] out = new float[bins * width];
        for (int b = 0; b < bins; b++) {
            for (int f = b * binFrames; f < Math.min(epoch.frames(), (b + 1) * binFrames); f++) {
                for (int i = 0; i < width; i++) {
                    out[b * width + i] += epoch.value(f, i) / binFrames;
                }
            }
        }
        return out;
    }
}
