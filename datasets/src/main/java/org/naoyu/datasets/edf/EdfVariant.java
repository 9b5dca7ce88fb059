package org.naoyu.datasets.edf;

/** The members of the EDF family, told apart by the version field and the start of the reserved field. */
public enum EdfVariant {
    EDF(false, false, false),
    EDF_PLUS_C(false, true, false),
    EDF_PLUS_D(false, true, true),
    BDF(true, false, false),
    BDF_PLUS_C(true, true, false),
    BDF_PLUS_D(true, true, true);

    private final boolean bdf;
    private final boolean plus;
    private final boolean discontinuous;

    EdfVariant(boolean bdf, boolean plus, boolean discontinuous) {
        this.bdf = bdf;
        this.plus = plus;
        this.discontinuous = discontinuous;
    }

    /** 24-bit samples (BioSemi) rather than 16-bit. */
    public boolean isBdf() {
        return bdf;
    }

    /** EDF+/BDF+: annotations and structured identification fields. */
    public boolean isPlus() {
        return plus;
    }

    /** EDF+D/BDF+D: records need not follow each other; their timekeeping annotations say when each starts. */
    public boolean isDiscontinuous() {
        return discontinuous;
    }

    public int bytesPerSample() {
        return bdf ? 3 : 2;
    }
}
