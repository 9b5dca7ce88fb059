package org.naoyu.dsp.design;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Zeros and poles into second-order sections the way SciPy's {@code zpk2sos(pairing='nearest')} does it, so that
 * section order and pairing — not just the overall response — match SciPy: the pole nearest the unit circle goes in the
 * last section with the zero nearest to it, and so on inwards; the gain goes into the first section.
 */
final class ZpkToSos {
    private ZpkToSos() {
    }

    static double[][] convert(Zpk zpk) {
        List<Complex> z = new ArrayList<>(zpk.zeros());
        List<Complex> p = new ArrayList<>(zpk.poles());
        if (z.isEmpty() && p.isEmpty()) {
            return new double[][] {{zpk.gain(), 0, 0, 1, 0, 0}};
        }
        while (p.size() < z.size()) {
            p.add(Complex.ZERO);
        }
        while (z.size() < p.size()) {
            z.add(Complex.ZERO);
        }
        int sections = (p.size() + 1) / 2;
        if (p.size() % 2 == 1) {
            p.add(Complex.ZERO);
            z.add(Complex.ZERO);
        }
        z = complexThenReal(z);
        p = complexThenReal(p);
        double[][] sos = new double[sections][];
        for (int si = sections - 1; si >= 0; si--) {
            Complex p1 = p.remove(worst(p));
            if (p1.isReal() && p.stream().noneMatch(Complex::isReal)) {
                Complex z1 = z.remove(nearest(z, p1, Which.REAL));
                sos[si] = section(List.of(z1, Complex.ZERO), List.of(p1, Complex.ZERO));
            } else if (p.size() + 1 == z.size() && !p1.isReal() && count(p) == 1 && count(z) == 1) {
                Complex z1 = z.remove(nearest(z, p1, Which.COMPLEX));
                sos[si] = section(List.of(z1, z1.conjugate()), List.of(p1, p1.conjugate()));
            } else {
                Complex p2;
                if (p1.isReal()) {
                    List<Integer> realIndex = new ArrayList<>();
                    List<Complex> reals = new ArrayList<>();
                    for (int i = 0; i < p.size(); i++) {
                        if (p.get(i).isReal()) {
                            realIndex.add(i);
                            reals.add(p.get(i));
                        }
                    }
                    p2 = p.remove((int) realIndex.get(worst(reals)));
                } else {
                    p2 = p1.conjugate();
                }
                if (!z.isEmpty()) {
                    Complex z1 = z.remove(nearest(z, p1, Which.ANY));
                    if (!z1.isReal()) {
                        sos[si] = section(List.of(z1, z1.conjugate()), List.of(p1, p2));
                    } else if (!z.isEmpty()) {
                        Complex z2 = z.remove(nearest(z, p1, Which.REAL));
                        sos[si] = section(List.of(z1, z2), List.of(p1, p2));
                    } else {
                        sos[si] = section(List.of(z1), List.of(p1, p2));
                    }
                } else {
                    sos[si] = section(List.of(), List.of(p1, p2));
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            sos[0][i] *= zpk.gain();
        }
        return sos;
    }

    private enum Which { REAL, COMPLEX, ANY }

    private static int count(List<Complex> roots) {
        return (int) roots.stream().filter(Complex::isReal).count();
    }

    /** Index of the root closest to the unit circle (the first such, as numpy's argmin). */
    private static int worst(List<Complex> roots) {
        int best = 0;
        for (int i = 1; i < roots.size(); i++) {
            if (Math.abs(1 - roots.get(i).abs()) < Math.abs(1 - roots.get(best).abs())) {
                best = i;
            }
        }
        return best;
    }

    /** Index of the root of the wanted kind nearest to {@code to} (stable on ties, as a stable argsort). */
    private static int nearest(List<Complex> from, Complex to, Which which) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < from.size(); i++) {
            Complex r = from.get(i);
            boolean kind = which == Which.ANY || (which == Which.REAL) == r.isReal();
            double distance = r.minus(to).abs();
            if (kind && distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no " + which + " root left to pair with " + to);
        }
        return best;
    }

    /**
     * SciPy's _cplxreal: conjugate pairs become one root with positive imaginary part (the pair averaged), sorted by
     * real part then |imag|, followed by the real roots sorted by value.
     */
    private static List<Complex> complexThenReal(List<Complex> roots) {
        double tol = 100 * Math.ulp(1.0);
        List<Complex> real = new ArrayList<>();
        List<Complex> positive = new ArrayList<>();
        List<Complex> negative = new ArrayList<>();
        for (Complex r : roots) {
            if (Math.abs(r.im()) <= tol * r.abs()) {
                real.add(Complex.real(r.re()));
            } else if (r.im() > 0) {
                positive.add(r);
            } else {
                negative.add(r);
            }
        }
        if (positive.size() != negative.size()) {
            throw new IllegalStateException("complex roots without their conjugates: " + roots);
        }
        Comparator<Complex> order = Comparator.comparingDouble(Complex::re)
                .thenComparingDouble(c -> Math.abs(c.im()));
        positive.sort(order);
        negative.sort(order);
        List<Complex> result = new ArrayList<>();
        for (int i = 0; i < positive.size(); i++) {
            Complex a = positive.get(i);
            Complex b = negative.get(i).conjugate();
            result.add(new Complex((a.re() + b.re()) / 2, (a.im() + b.im()) / 2));
        }
        real.sort(Comparator.comparingDouble(Complex::re));
        result.addAll(real);
        return result;
    }

    /** One section from up to two zeros and two poles (SciPy _single_zpksos, right-aligned coefficients). */
    private static double[] section(List<Complex> zeros, List<Complex> poles) {
        double[] b = realPolynomial(zeros);
        double[] a = realPolynomial(poles);
        double[] sos = new double[6];
        System.arraycopy(b, 0, sos, 3 - b.length, b.length);
        System.arraycopy(a, 0, sos, 6 - a.length, a.length);
        return sos;
    }

    /** Coefficients of Π (x − r), highest power first, as numpy's poly (real when the roots pair up). */
    private static double[] realPolynomial(List<Complex> roots) {
        Complex[] c = {Complex.ONE};
        for (Complex r : roots) {
            Complex[] next = new Complex[c.length + 1];
            for (int i = 0; i < next.length; i++) {
                next[i] = Complex.ZERO;
            }
            for (int i = 0; i < c.length; i++) {
                next[i] = next[i].plus(c[i]);
                next[i + 1] = next[i + 1].plus(c[i].times(r.times(-1)));
            }
            c = next;
        }
        double[] real = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            real[i] = c[i].re();
        }
        return real;
    }
}
