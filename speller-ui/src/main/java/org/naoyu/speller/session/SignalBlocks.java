package org.naoyu.speller.session;

import org.naoyu.acquisition.ChannelFormat;

/** The inlet's value arrays of each numeric format, and their conversion to doubles without allocating. */
final class SignalBlocks {
    private SignalBlocks() {
    }

    static Object allocate(ChannelFormat format, int values) {
        return switch (format) {
            case FLOAT32 -> new float[values];
            case DOUBLE64 -> new double[values];
            case INT8 -> new byte[values];
            case INT16 -> new short[values];
            case INT32 -> new int[values];
            case INT64 -> new long[values];
            case STRING -> throw new IllegalArgumentException("a string stream carries no signal values");
        };
    }

    static void toDoubles(Object values, double[] out, int count) {
        if (values instanceof float[] f) {
            for (int i = 0; i < count; i++) {
                out[i] = f[i];
            }
        } else if (values instanceof double[] d) {
            System.arraycopy(d, 0, out, 0, count);
        } else if (values instanceof short[] s) {
            for (int i = 0; i < count; i++) {
                out[i] = s[i];
            }
        } else if (values instanceof int[] n) {
            for (int i = 0; i < count; i++) {
                out[i] = n[i];
            }
        } else if (values instanceof byte[] b) {
            for (int i = 0; i < count; i++) {
                out[i] = b[i];
            }
        } else if (values instanceof long[] l) {
            for (int i = 0; i < count; i++) {
                out[i] = l[i];
            }
        } else {
            throw new IllegalArgumentException("not a signal value array: " + values.getClass());
        }
    }
}
