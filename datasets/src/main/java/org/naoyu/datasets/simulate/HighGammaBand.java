package org.naoyu.datasets.simulate;

/**
 * The band the simulator puts speech into (70–150 Hz, narrowed at low sampling rates) and the background's power in
 * it, from which the speech amplitude follows: {@code snr} times the in-band background amplitude. The simulator and
 * the {@link IdealObserver} both take their levels from here.
 *
 * @param lowHz           lower edge of the band
 * @param highHz          upper edge
 * @param backgroundShare in-band variance of the unit 1/f^χ background (before its µV scale)
 * @param floorShare      in-band variance of unit white noise
 */
record HighGammaBand(double lowHz, double highHz, double backgroundShare, double floorShare) {
    private static final double KNEE_HZ = 0.5;

    static HighGammaBand of(SimulatorConfig config) {
        double rate = config.sampleRateHz();
        double lowHz = StrictMath.min(70, 0.25 * rate);
        double highHz = StrictMath.min(150, 0.45 * rate);
        PowerLawShaper reference = new PowerLawShaper(config.spectralExponent(), KNEE_HZ, rate);
        double backgroundShare = Responses.bandVariance(reference::powerGain, Responses.omega(lowHz, rate),
                Responses.omega(highHz, rate));
        return new HighGammaBand(lowHz, highHz, backgroundShare, (highHz - lowHz) / (rate / 2));
    }

    /** In-band variance of all the noise a channel carries (background, common and local, and the floor), µV². */
    double noiseVariance(SimulatorConfig config) {
        return square(config.backgroundMicrovolts()) * backgroundShare
                + square(config.noiseFloorMicrovolts()) * floorShare;
    }

    /**
     * In-band variance of the noise that is a channel's own: the local background and the floor, without the share
     * common to neighbouring electrodes ({@code spatialCorrelation}), µV².
     */
    double ownNoiseVariance(SimulatorConfig config) {
        return square(config.backgroundMicrovolts()) * (1 - config.spatialCorrelation()) * backgroundShare
                + square(config.noiseFloorMicrovolts()) * floorShare;
    }

    /** The speech high-gamma amplitude at a fully engaged electrode, µV: snr times the in-band noise amplitude. */
    double speechAmplitude(SimulatorConfig config) {
        return config.snr() * StrictMath.sqrt(noiseVariance(config));
    }

    private static double square(double x) {
        return x * x;
    }
}
