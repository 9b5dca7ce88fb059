package org.naoyu.datasets.bci2000;

/**
 * A state of the BCI2000 state vector: {@code length} bits starting at bit {@code bit} of byte {@code byteLocation},
 * little-endian across bytes (BCI2000 file format, state vector definition).
 */
public record Bci2000State(String name, int length, long initialValue, int byteLocation, int bit) {
    public Bci2000State {
        if (length < 1 || length > 32) {
            throw new IllegalArgumentException("state " + name + " length must be in [1, 32] bits, got " + length);
        }
        if (byteLocation < 0 || bit < 0 || bit > 7) {
            throw new IllegalArgumentException("state " + name + " location must be a byte >= 0 and a bit in [0, 7], "
                    + "got byte " + byteLocation + " bit " + bit);
        }
    }

    /** This state's value in a state vector starting at {@code offset} of {@code data}. */
    long read(byte[] data, int offset) {
        int first = byteLocation * 8 + bit;
        long value = 0;
        for (int i = 0; i < length; i++) {
            int position = first + i;
            int b = data[offset + position / 8] >> (position % 8) & 1;
            value |= (long) b << i;
        }
        return value;
    }

    /** The last byte of the state vector this state touches. */
    int lastByte() {
        return (byteLocation * 8 + bit + length - 1) / 8;
    }
}
