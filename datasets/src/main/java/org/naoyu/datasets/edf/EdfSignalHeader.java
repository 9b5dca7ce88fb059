package org.naoyu.datasets.edf;

/**
 * The header of one signal of an EDF/BDF file (EDF specification, Kemp et al. 1992; EDF+, Kemp & Olivan 2003).
 * Digital values map to physical ones linearly: {@code physical = (digital − digitalMin) · (physicalMax − physicalMin)
 * / (digitalMax − digitalMin) + physicalMin}; a physical minimum above the maximum (inverted polarity) is allowed.
 */
public record EdfSignalHeader(
        String label,
        String transducer,
        String physicalDimension,
        double physicalMin,
        double physicalMax,
        long digitalMin,
        long digitalMax,
        String prefiltering,
        int samplesPerRecord,
        String reserved) {

    /** Whether this is the EDF+/BDF+ annotation signal, which holds text, not samples. */
    public boolean isAnnotations() {
        return label.equals("EDF Annotations") || label.equals("BDF Annotations");
    }

    /** Samples per second, given the data record duration; 0 for a zero-length record (annotation-only files). */
    public double sampleRateHz(double recordDurationSeconds) {
        return recordDurationSeconds > 0 ? samplesPerRecord / recordDurationSeconds : 0;
    }

    /** The physical value of a digital one. */
    public double toPhysical(long digital) {
        return (digital - digitalMin) * gain() + physicalMin;
    }

    /** Physical units per digital step. */
    public double gain() {
        return (physicalMax - physicalMin) / (double) (digitalMax - digitalMin);
    }
}
