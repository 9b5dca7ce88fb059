package org.naoyu.decoder.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.onset.OnsetDetector;
import org.naoyu.decoder.onset.OnsetSpec;

/**
 * A model on disk: DL4J's own model zip ({@code ModelSerializer}: configuration, weights) with one more entry,
 * {@value #PROVENANCE_ENTRY}, the {@link Provenance} as JSON. Any DL4J program can still load the graph.
 */
public final class ModelFile {
    public static final String PROVENANCE_ENTRY = "naoyu-provenance.json";
    /** The onset detector, a DL4J model zip of its own, stored inside when the model has one. */
    public static final String ONSET_ENTRY = "naoyu-onset-detector.zip";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A model read back with its provenance and its onset detector (null when it has none). */
    public record Loaded(TrainedModel model, OnsetDetector onset, Provenance provenance) {
    }

    private ModelFile() {
    }

    /** Writes a model without an onset detector; refuses to overwrite. */
    public static void save(TrainedModel model, Provenance provenance, Path path) throws IOException {
        save(model, null, provenance, path);
    }

    /** Writes the model and its onset detector (may be null); refuses to overwrite. */
    public static void save(TrainedModel model, OnsetDetector onset, Provenance provenance, Path path)
            throws IOException {
        if (Files.exists(path)) {
            throw new FileAlreadyExistsException(path.toString(), null, "refusing to overwrite a model");
        }
        if (!provenance.kind().equals(model.kind())) {
            throw new IllegalArgumentException("provenance says " + provenance.kind() + " but the model is "
                    + model.kind());
        }
        if ((onset == null) != (provenance.onset() == null)
                || onset != null && !(onset.shape().equals(provenance.onset().shape())
                        && onset.rule().equals(provenance.onset().rule()))) {
            throw new IllegalArgumentException("the provenance's onset spec " + provenance.onset()
                    + " does not describe the onset detector given");
        }
        if (onset != null && onset.width() != model.width()) {
            throw new IllegalArgumentException("the onset detector reads " + onset.width() + " values per frame, the "
                    + "decoder " + model.width());
        }
        Path weights = Files.createTempFile(path.toAbsolutePath().getParent(), "model-", ".tmp");
        try {
            ModelSerializer.writeModel(model.graph(), weights.toFile(), false);
            try (ZipFile source = new ZipFile(weights.toFile());
                 ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(path))) {
                Enumeration<? extends ZipEntry> entries = source.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
                if (onset != null) {
                    out.putNextEntry(new ZipEntry(ONSET_ENTRY));
                    onset.write(new NonClosing(out));
                    out.closeEntry();
                }
                out.putNextEntry(new ZipEntry(PROVENANCE_ENTRY));
                out.write(JSON.writeValueAsString(new Stored(provenance, model.frames(), model.width(),
                        model.binFrames(), model.bases(), model.heads(),
                        model.outputs().stream().map(TonedSyllable::toned).toList(), model.wholeWeight(),
                        model.coupling(), Double.isInfinite(model.clip()) ? null : model.clip(),
                        model.variability()))
                        .getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } finally {
            Files.deleteIfExists(weights);
        }
    }

    /**
     * Reads a model.
     *
     * @throws IOException when the file is not a naoyu model; the message says what is missing or wrong
     */
    public static Loaded load(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + ": no such model file");
        }
        Stored stored;
        OnsetDetector onset = null;
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry entry = zip.getEntry(PROVENANCE_ENTRY);
            if (entry == null) {
                throw new IOException(path + ": not a naoyu model (no " + PROVENANCE_ENTRY + "; a bare DL4J model "
                        + "lacks the provenance naoyu needs to check a stream against it)");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                stored = JSON.readValue(in, Stored.class);
            } catch (JsonProcessingException e) {
                throw new IOException(path + ": " + PROVENANCE_ENTRY + " is unreadable: " + e.getOriginalMessage(), e);
            }
            OnsetSpec spec = stored.provenance().onset();
            ZipEntry onsetEntry = zip.getEntry(ONSET_ENTRY);
            if ((spec == null) != (onsetEntry == null)) {
                throw new IOException(path + ": " + (spec == null ? "has an onset detector its provenance does not "
                        + "describe" : "its provenance describes an onset detector, but " + ONSET_ENTRY
                        + " is missing"));
            }
            if (onsetEntry != null) {
                try (InputStream in = zip.getInputStream(onsetEntry)) {
                    onset = OnsetDetector.read(in, spec.shape(), stored.width(), spec.rule());
                } catch (RuntimeException e) {
                    throw new IOException(path + ": " + ONSET_ENTRY + " is not a usable onset detector: "
                            + e.getMessage(), e);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(path + ": not a model file (not a zip: " + e.getMessage() + ")", e);
        }
        ComputationGraph graph = ModelSerializer.restoreComputationGraph(path.toFile(), false);
        // a model saved before part heads existed has whole-syllable heads and answers with what it trained on
        Heads heads = stored.heads() == null ? Heads.WHOLE : stored.heads();
        List<String> outputs = stored.outputs() == null ? stored.provenance().inventory() : stored.outputs();
        TrainedModel model;
        try {
            model = new TrainedModel(stored.provenance().kind(), graph, stored.bases(), stored.frames(),
                    stored.width(), stored.binFrames(), heads, outputs.stream().map(TonedSyllable::parse).toList(),
                    stored.wholeWeight(), stored.coupling(),
                    stored.clip() == null ? Double.POSITIVE_INFINITY : stored.clip(), stored.variability());
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": " + PROVENANCE_ENTRY + " does not describe the graph: " + e.getMessage(),
                    e);
        }
        return new Loaded(model, onset, stored.provenance());
    }

    /** Keeps DL4J's serializer from closing the zip stream it is written into. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /**
     * The JSON entry: the provenance, the input shape, the heads, what the model answers with, the coupling between
     * its parts, the bound its inputs are clipped to and a template model's attempt variability (each absent, so null,
     * for models without one and for files older than it).
     */
    record Stored(Provenance provenance, int frames, int width, int binFrames, List<String> bases, Heads heads,
            List<String> outputs, double wholeWeight, PartCoupling coupling, Double clip,
            AttemptVariability variability) {
    }
}
