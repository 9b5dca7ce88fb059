package org.naoyu.dsp.design;

import java.util.ArrayList;
import java.util.List;

/** Zeros, poles and gain of a filter, the intermediate form of IIR design (SciPy's zpk). */
record Zpk(List<Complex> zeros, List<Complex> poles, double gain) {
    Zpk {
        zeros = List.copyOf(zeros);
        poles = List.copyOf(poles);
    }

    /** The analog Butterworth prototype of order n: poles on the unit circle's left half, no zeros (SciPy buttap). */
    static Zpk butterworthPrototype(int order) {
        List<Complex> poles = new ArrayList<>();
        for (int m = -order + 1; m < order; m += 2) {
            Complex p = Complex.exp(0, Math.PI * m / (2.0 * order));
            poles.add(new Complex(-p.re(), -p.im()));
        }
        return new Zpk(List.of(), poles, 1.0);
    }

    private int relativeDegree() {
        return poles.size() - zeros.size();
    }

    Zpk lowPass(double wo) {
        return new Zpk(scale(zeros, wo), scale(poles, wo), gain * Math.pow(wo, relativeDegree()));
    }

    Zpk highPass(double wo) {
        List<Complex> z = new ArrayList<>();
        for (Complex zero : zeros) {
            z.add(Complex.real(wo).dividedBy(zero));
        }
        List<Complex> p = new ArrayList<>();
        for (Complex pole : poles) {
            p.add(Complex.real(wo).dividedBy(pole));
        }
        for (int i = 0; i < relativeDegree(); i++) {
            z.add(Complex.ZERO);
        }
        return new Zpk(z, p, gain * product(zeros, true).dividedBy(product(poles, true)).re());
    }

    Zpk bandPass(double wo, double bw) {
        List<Complex> z = new ArrayList<>();
        List<Complex> p = new ArrayList<>();
        splitBand(scale(zeros, bw / 2), wo, z);
        splitBand(scale(poles, bw / 2), wo, p);
        for (int i = 0; i < relativeDegree(); i++) {
            z.add(Complex.ZERO);
        }
        return new Zpk(z, p, gain * Math.pow(bw, relativeDegree()));
    }

    Zpk bandStop(double wo, double bw) {
        List<Complex> zh = new ArrayList<>();
        for (Complex zero : zeros) {
            zh.add(Complex.real(bw / 2).dividedBy(zero));
        }
        List<Complex> ph = new ArrayList<>();
        for (Complex pole : poles) {
            ph.add(Complex.real(bw / 2).dividedBy(pole));
        }
        List<Complex> z = new ArrayList<>();
        List<Complex> p = new ArrayList<>();
        splitBand(zh, wo, z);
        splitBand(ph, wo, p);
        for (int i = 0; i < relativeDegree(); i++) {
            z.add(new Complex(0, wo));
        }
        for (int i = 0; i < relativeDegree(); i++) {
            z.add(new Complex(0, -wo));
        }
        return new Zpk(z, p, gain * product(zeros, true).dividedBy(product(poles, true)).re());
    }

    /** The digital filter by the bilinear transform at sampling rate {@code fs} (SciPy bilinear_zpk). */
    Zpk bilinear(double fs) {
        Complex fs2 = Complex.real(2 * fs);
        List<Complex> z = new ArrayList<>();
        for (Complex zero : zeros) {
            z.add(fs2.plus(zero).dividedBy(fs2.minus(zero)));
        }
        List<Complex> p = new ArrayList<>();
        for (Complex pole : poles) {
            p.add(fs2.plus(pole).dividedBy(fs2.minus(pole)));
        }
        for (int i = 0; i < relativeDegree(); i++) {
            z.add(Complex.real(-1));
        }
        Complex numerator = Complex.ONE;
        for (Complex zero : zeros) {
            numerator = numerator.times(fs2.minus(zero));
        }
        Complex denominator = Complex.ONE;
        for (Complex pole : poles) {
            denominator = denominator.times(fs2.minus(pole));
        }
        return new Zpk(z, p, gain * numerator.dividedBy(denominator).re());
    }

    /** Each root r becomes r ± sqrt(r² − wo²): first all the plus roots, then all the minus roots, as SciPy orders them. */
    private static void splitBand(List<Complex> roots, double wo, List<Complex> out) {
        List<Complex> minus = new ArrayList<>();
        for (Complex r : roots) {
            Complex s = r.times(r).minus(Complex.real(wo * wo)).sqrt();
            out.add(r.plus(s));
            minus.add(r.minus(s));
        }
        out.addAll(minus);
    }

    private static List<Complex> scale(List<Complex> roots, double factor) {
        List<Complex> scaled = new ArrayList<>();
        for (Complex r : roots) {
            scaled.add(r.times(factor));
        }
        return scaled;
    }

    private static Complex product(List<Complex> roots, boolean negate) {
        Complex product = Complex.ONE;
        for (Complex r : roots) {
            product = product.times(negate ? r.times(-1) : r);
        }
        return product;
    }
}
