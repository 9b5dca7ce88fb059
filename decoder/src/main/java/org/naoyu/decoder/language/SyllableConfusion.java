package org.naoyu.decoder.language;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A stand-in for the neural decoder's uncertainty, to measure what the language model recovers: for a syllable that
 * was said, logits over it and {@value #ALTERNATIVES} other syllables — similar-sounding ones first (the same base in
 * another tone, a confusable initial: b/p, d/t, zh/ch/sh/z/c/s, j/q/x, n/l, f/h…, or a confusable final: an/ang,
 * en/eng, in/ing…), then any — drawn N(0, 1), the said one's raised by a boost chosen so that it ranks first with the
 * wanted accuracy; the top {@value #KEPT} become the attempt's candidates, as the speller passes the decoder's top
 * five on. So at low accuracy the said syllable is sometimes not among them at all. Every alternative is a reading of
 * some character, as a decoder's outputs would be.
 */
public final class SyllableConfusion {
    public static final int ALTERNATIVES = 9;
    public static final int KEPT = 5;
    private static final List<List<String>> INITIAL_GROUPS = List.of(List.of("b", "p", "m"), List.of("d", "t"),
            List.of("g", "k", "h"), List.of("f", "h"), List.of("n", "l"), List.of("j", "q", "x"),
            List.of("zh", "ch", "sh", "r"), List.of("z", "c", "s"), List.of("zh", "z"), List.of("ch", "c"),
            List.of("sh", "s"), List.of("y", "w"));
    private static final List<List<String>> FINAL_GROUPS = List.of(List.of("an", "ang"), List.of("en", "eng"),
            List.of("in", "ing"), List.of("ian", "iang"), List.of("uan", "uang"), List.of("o", "ou", "uo"),
            List.of("e", "ei"), List.of("i", "ie"), List.of("u", "ou"), List.of("ai", "ei"), List.of("ao", "ou"));
    private static final String[] INITIALS = {"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h",
        "j", "q", "x", "r", "z", "c", "s", "y", "w"};

    private final Lexicon lexicon;
    private final List<String> bases;
    private final double boost;

    /**
     * @param accuracy the top-1 accuracy wanted, in [1 / (ALTERNATIVES + 1), 1)
     */
    public SyllableConfusion(Lexicon lexicon, double accuracy) {
        if (!(accuracy >= 1.0 / (ALTERNATIVES + 1) && accuracy < 1)) {
            throw new IllegalArgumentException("accuracy must be in [" + 1.0 / (ALTERNATIVES + 1) + ", 1), got "
                    + accuracy);
        }
        this.lexicon = lexicon;
        this.bases = List.copyOf(lexicon.bases());
        if (bases.size() < 2 * (ALTERNATIVES + 1)) {
            throw new IllegalArgumentException("simulated confusions need a lexicon of at least "
                    + 2 * (ALTERNATIVES + 1) + " base syllables, got " + bases.size());
        }
        this.boost = boostFor(accuracy);
    }

    /** The top {@value #KEPT} candidates for one attempt at {@code said}, with log-probabilities, best first. */
    public List<SyllableLattice.Candidate> attempt(Syllable said, Random random) {
        List<Syllable> options = new ArrayList<>(similar(said, random));
        options.add(said);
        double[] logits = new double[options.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            logits[i] = random.nextGaussian() + (options.get(i).equals(said) ? boost : 0);
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (double l : logits) {
            sum += Math.exp(l - max);
        }
        List<SyllableLattice.Candidate> out = new ArrayList<>();
        for (int i = 0; i < logits.length; i++) {
            out.add(new SyllableLattice.Candidate(options.get(i), logits[i] - max - Math.log(sum)));
        }
        out.sort(java.util.Comparator.comparingDouble(SyllableLattice.Candidate::logProb).reversed());
        return new ArrayList<>(out.subList(0, Math.min(KEPT, out.size())));
    }

    /** {@value #ALTERNATIVES} syllables that some character reads, those that sound like {@code said} first. */
    List<Syllable> similar(Syllable said, Random random) {
        Set<Syllable> pool = new LinkedHashSet<>();
        for (int tone = 1; tone <= 5; tone++) {
            add(pool, said.base(), tone, said);
        }
        String initial = initial(said.base());
        String fin = said.base().substring(initial.length());
        for (List<String> group : INITIAL_GROUPS) {
            if (group.contains(initial)) {
                for (String other : group) {
                    add(pool, other + fin, said.tone(), said);
                }
            }
        }
        for (List<String> group : FINAL_GROUPS) {
            if (group.contains(fin)) {
                for (String other : group) {
                    add(pool, initial + other, said.tone(), said);
                }
            }
        }
        List<Syllable> shuffled = new ArrayList<>(pool);
        java.util.Collections.shuffle(shuffled, random);
        List<Syllable> chosen = new ArrayList<>(shuffled.subList(0, Math.min(ALTERNATIVES, shuffled.size())));
        while (chosen.size() < ALTERNATIVES) { // too few similar ones: any other syllable
            Syllable any = new Syllable(bases.get(random.nextInt(bases.size())), 1 + random.nextInt(4));
            if (!any.equals(said) && !chosen.contains(any) && reads(any)) {
                chosen.add(any);
            }
        }
        return chosen;
    }

    private void add(Set<Syllable> pool, String base, int tone, Syllable said) {
        Syllable candidate = new Syllable(base, tone);
        if (candidate.equals(said) || !base.matches("[a-z]{1,6}")) {
            return;
        }
        if (reads(candidate)) {
            pool.add(candidate);
        }
    }

    /** Whether some character reads {@code syllable}. */
    private boolean reads(Syllable syllable) {
        Lexicon.Node node = lexicon.root().child(syllable.base());
        return node != null && node.words().stream().anyMatch(w -> w.pinyin().get(0).tone() == syllable.tone());
    }

    static String initial(String base) {
        for (String i : INITIALS) {
            if (base.startsWith(i) && base.length() > i.length()) {
                return i;
            }
        }
        return "";
    }

    /** The boost at which the said syllable's logit beats {@value #ALTERNATIVES} others with this probability. */
    static double boostFor(double accuracy) {
        double low = -1;
        double high = 8;
        for (int iteration = 0; iteration < 40; iteration++) {
            double mid = (low + high) / 2;
            if (topOneRate(mid) < accuracy) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /** P(N(b, 1) > max of ALTERNATIVES N(0, 1)), by numerical integration over the said logit. */
    private static double topOneRate(double boost) {
        double total = 0;
        double step = 0.01;
        for (double x = -8; x <= 8; x += step) {
            double density = Math.exp(-0.5 * (x - boost) * (x - boost)) / Math.sqrt(2 * Math.PI);
            total += density * Math.pow(normalCdf(x), ALTERNATIVES) * step;
        }
        return total;
    }

    private static double normalCdf(double x) {
        // Abramowitz-Stegun 7.1.26 on erf: accurate to 1.5e-7, plenty for a calibration
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
