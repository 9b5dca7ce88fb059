package org.naoyu.dsp.design;

/** A complex number for filter design (poles and zeros); not for per-sample work. */
record Complex(double re, double im) {
    static final Complex ZERO = new Complex(0, 0);
    static final Complex ONE = new Complex(1, 0);

    static Complex real(double re) {
        return new Complex(re, 0);
    }

    Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    Complex times(double f) {
        return new Complex(re * f, im * f);
    }

    /** Division as numpy does it for complex128 (Smith's algorithm keeps it accurate for any magnitudes). */
    Complex dividedBy(Complex o) {
        if (Math.abs(o.re) >= Math.abs(o.im)) {
            double ratio = o.im / o.re;
            double denominator = o.re + o.im * ratio;
            return new Complex((re + im * ratio) / denominator, (im - re * ratio) / denominator);
        }
        double ratio = o.re / o.im;
        double denominator = o.re * ratio + o.im;
        return new Complex((re * ratio + im) / denominator, (im * ratio - re) / denominator);
    }

    Complex conjugate() {
        return new Complex(re, -im);
    }

    double abs() {
        return Math.hypot(re, im);
    }

    boolean isReal() {
        return im == 0;
    }

    /** The principal square root. */
    Complex sqrt() {
        if (re == 0 && im == 0) {
            return ZERO;
        }
        double t = Math.sqrt((Math.abs(re) + abs()) / 2);
        if (re >= 0) {
            return new Complex(t, im / (2 * t));
        }
        return new Complex(Math.abs(im) / (2 * t), Math.copySign(t, im));
    }

    static Complex exp(double re, double im) {
        double m = Math.exp(re);
        return new Complex(m * Math.cos(im), m * Math.sin(im));
    }
}
