package org.naoyu.datasets.simulate;

/**
 * Mains interference: the fundamental (50 or 60 Hz) and harmonics 2–5 (odd ones stronger, as rectifier loads make
 * them), each with its own phase, all under a slowly drifting amplitude (two slow sinusoids, periods 15–40 s and
 * 3–8 s, ±25 % and ±10 %). Harmonics above 0.45 × the sampling rate are left out. Each channel couples to it with its
 * own gain (a spatial gradient times a log-normal factor), so a common average reduces but does not remove it.
 */
final class LineNoise {
    private static final double[] HARMONIC_LEVEL = {1.0, 0.3, 0.45, 0.1, 0.15};

    private final double frequencyHz;
    private final double microvolts;
    private final double rate;
    private final int harmonics;
    private final double[] phase;
    private final double slowPeriod;
    private final double fastPeriod;
    private final double slowPhase;
    private final double fastPhase;

    LineNoise(double frequencyHz, double microvolts, double rate, SimRandom random) {
        this.frequencyHz = frequencyHz;
        this.microvolts = microvolts;
        this.rate = rate;
        int h = 0;
        while (h < HARMONIC_LEVEL.length && (h + 1) * frequencyHz < 0.45 * rate) {
            h++;
        }
        this.harmonics = h;
        this.phase = new double[HARMONIC_LEVEL.length];
        for (int k = 0; k < phase.length; k++) {
            phase[k] = random.uniform(0, 2 * StrictMath.PI);
        }
        this.slowPeriod = random.uniform(15, 40);
        this.fastPeriod = random.uniform(3, 8);
        this.slowPhase = random.uniform(0, 2 * StrictMath.PI);
        this.fastPhase = random.uniform(0, 2 * StrictMath.PI);
    }

    /** The interference at samples [first, first + length), before each channel's coupling, in µV. */
    void render(long first, int length, double[] out) {
        if (microvolts == 0) {
            java.util.Arrays.fill(out, 0, length, 0);
            return;
        }
        for (int n = 0; n < length; n++) {
            double t = (first + n) / rate;
            double drift = 1 + 0.25 * StrictMath.sin(2 * StrictMath.PI * t / slowPeriod + slowPhase)
                    + 0.1 * StrictMath.sin(2 * StrictMath.PI * t / fastPeriod + fastPhase);
            double sum = 0;
            for (int k = 0; k < harmonics; k++) {
                // the cycle count modulo 1 keeps the phase exact however long the session runs
                double cycles = (first + n) * ((k + 1) * frequencyHz / rate);
                sum += HARMONIC_LEVEL[k] * StrictMath.sin(2 * StrictMath.PI * (cycles - StrictMath.floor(cycles)) + phase[k]);
            }
            out[n] = microvolts * drift * sum;
        }
    }
}
