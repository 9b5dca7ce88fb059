package org.naoyu.datasets.simulate;

import java.util.ArrayList;
import java.util.List;
import org.naoyu.datasets.corpus.TaskMarker;

/** A stretch of simulated signal held channel by channel, with its markers, and the analyses the tests need. */
final class Simulated {
    final EcogSimulator simulator;
    final double rate;
    /** signal[channel][sample], µV. */
    final double[][] signal;
    final List<TimedMarker> markers;

    private Simulated(EcogSimulator simulator, double[][] signal, List<TimedMarker> markers) {
        this.simulator = simulator;
        this.rate = simulator.config().sampleRateHz();
        this.signal = signal;
        this.markers = markers;
    }

    static Simulated run(SimulatorConfig config, double seconds) {
        EcogSimulator simulator = new EcogSimulator(config);
        int channels = config.grid().channelCount();
        int samples = (int) Math.round(seconds * config.sampleRateHz());
        float[] block = new float[500 * channels];
        double[][] signal = new double[channels][samples];
        List<TimedMarker> markers = new ArrayList<>();
        for (int done = 0; done < samples; ) {
            int n = Math.min(500, samples - done);
            simulator.next(block, n, markers);
            for (int s = 0; s < n; s++) {
                for (int c = 0; c < channels; c++) {
                    signal[c][done + s] = block[s * channels + c];
                }
            }
            done += n;
        }
        return new Simulated(simulator, signal, markers);
    }

    List<TimedMarker> markers(TaskMarker.Kind kind) {
        return markers.stream().filter(m -> m.marker().kind() == kind).toList();
    }

    /** Subtracts the median of the good channels at every sample (a robust common average reference). */
    Simulated commonAverage() {
        int channels = signal.length;
        List<Integer> good = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            final int channel = c;
            if (simulator.badChannels().stream().noneMatch(b -> b.channel() == channel)) {
                good.add(c);
            }
        }
        double[][] referenced = new double[channels][signal[0].length];
        double[] values = new double[good.size()];
        for (int s = 0; s < signal[0].length; s++) {
            for (int k = 0; k < values.length; k++) {
                values[k] = signal[good.get(k)][s];
            }
            java.util.Arrays.sort(values);
            double median = values[values.length / 2];
            for (int c = 0; c < channels; c++) {
                referenced[c][s] = signal[c][s] - median;
            }
        }
        return new Simulated(simulator, referenced, markers);
    }

    /** Welch power spectral density (Hann window, half overlap), µV²/Hz at bins k·rate/segment. */
    static double[] welch(double[] x, int segment) {
        double[] psd = new double[segment / 2 + 1];
        double[] window = new double[segment];
        double windowPower = 0;
        for (int i = 0; i < segment; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / segment);
            windowPower += window[i] * window[i];
        }
        int count = 0;
        double[] re = new double[segment];
        double[] im = new double[segment];
        for (int start = 0; start + segment <= x.length; start += segment / 2, count++) {
            double mean = 0;
            for (int i = 0; i < segment; i++) {
                mean += x[start + i] / segment;
            }
            for (int i = 0; i < segment; i++) {
                re[i] = (x[start + i] - mean) * window[i];
                im[i] = 0;
            }
            fft(re, im);
            for (int k = 0; k < psd.length; k++) {
                psd[k] += re[k] * re[k] + im[k] * im[k];
            }
        }
        for (int k = 0; k < psd.length; k++) {
            psd[k] *= (k == 0 || k == segment / 2 ? 1 : 2) / (windowPower * count);
        }
        return psd; // per bin; divide by rate for per-Hz; the tests compare ratios and slopes
    }

    /** In-place radix-2 FFT (length a power of two). */
    static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int length = 2; length <= n; length <<= 1) {
            double angle = -2 * Math.PI / length;
            for (int i = 0; i < n; i += length) {
                for (int k = 0; k < length / 2; k++) {
                    double wr = Math.cos(angle * k);
                    double wi = Math.sin(angle * k);
                    int a = i + k;
                    int b = a + length / 2;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    /**
     * Power of channel {@code c} in [lowHz, highHz] over samples [from, from + length), from the DFT of the Hann-
     * windowed stretch, skipping bins within 3 Hz of a mains harmonic as a notch would. It grows with the square of
     * {@code length} (bins times their energy): compare stretches of one length, or divide by length².
     */
    double bandPower(int c, long from, int length, double lowHz, double highHz, double mainsHz) {
        double power = 0;
        double[] x = signal[c];
        int first = (int) from;
        for (int k = (int) Math.ceil(lowHz * length / rate); k * rate / length <= highHz; k++) {
            double hz = k * rate / length;
            double nearest = Math.round(hz / mainsHz) * mainsHz;
            if (mainsHz > 0 && Math.abs(hz - nearest) < 3) {
                continue;
            }
            double re = 0;
            double im = 0;
            for (int i = 0; i < length; i++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / length);
                double v = x[first + i] * w;
                re += v * Math.cos(2 * Math.PI * k * i / length);
                im -= v * Math.sin(2 * Math.PI * k * i / length);
            }
            power += re * re + im * im;
        }
        return power;
    }

    /** Least-squares slope of log10(psd) against log10(f) over [lowHz, highHz]. */
    static double logLogSlope(double[] psd, double rate, int segment, double lowHz, double highHz) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int k = 1; k < psd.length; k++) {
            double hz = k * rate / segment;
            if (hz >= lowHz && hz <= highHz) {
                double lx = Math.log10(hz);
                double ly = Math.log10(psd[k]);
                sx += lx;
                sy += ly;
                sxx += lx * lx;
                sxy += lx * ly;
                n++;
            }
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
