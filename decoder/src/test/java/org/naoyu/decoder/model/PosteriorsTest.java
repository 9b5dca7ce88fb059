package org.naoyu.decoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.naoyu.decoder.data.SyllableParts;
import org.naoyu.decoder.data.TonedSyllable;

/** How the heads' distributions become one over toned syllables: products, renormalised, mixed. */
class PosteriorsTest {
    private static final List<TonedSyllable> ALLOWED = List.of("ba1", "pa1", "ba2", "pi1").stream()
            .map(TonedSyllable::parse).toList();

    private static double[] initials(double b, double p) {
        double[] i = new double[SyllableParts.INITIAL_LABELS.size()];
        i[SyllableParts.INITIAL_LABELS.indexOf("b")] = b;
        i[SyllableParts.INITIAL_LABELS.indexOf("p")] = p;
        return i;
    }

    private static double[] finals(double a, double i) {
        double[] f = new double[SyllableParts.FINALS.size()];
        f[SyllableParts.FINALS.indexOf("a")] = a;
        f[SyllableParts.FINALS.indexOf("i")] = i;
        return f;
    }

    private static double probability(List<Posteriors.Scored> scored, String toned) {
        return scored.stream().filter(s -> s.syllable().toned().equals(toned)).findFirst().orElseThrow().probability();
    }

    @Test
    void partsScoreEverySyllableByTheProductOfItsParts() {
        double[] tone = {0.75, 0.25, 0, 0, 0};
        Posteriors parts = new Posteriors(List.of(), new double[0], tone, initials(0.4, 0.6), finals(0.5, 0.5), 0);
        List<Posteriors.Scored> scored = parts.topToned(ALLOWED, 4);
        // products: ba1 .4*.5*.75=.15, pa1 .6*.5*.75=.225, ba2 .4*.5*.25=.05, pi1 .6*.5*.75=.225; total .65
        assertEquals(0.15 / 0.65, probability(scored, "ba1"), 1e-12);
        assertEquals(0.225 / 0.65, probability(scored, "pa1"), 1e-12);
        assertEquals(0.05 / 0.65, probability(scored, "ba2"), 1e-12);
        assertEquals(1.0, scored.stream().mapToDouble(Posteriors.Scored::probability).sum(), 1e-12);
        assertEquals("ba2", scored.get(3).syllable().toned(), "best first");
        assertThrows(IllegalStateException.class, parts::bestBase, "no base head to ask");
    }

    @Test
    void aCouplingAddsItsLogPotentialsToTheParts() {
        double[] tone = {0.5, 0.5, 0, 0, 0};
        int i = SyllableParts.INITIAL_LABELS.size();
        int f = SyllableParts.FINALS.size();
        double[][] initialFinal = new double[i][f];
        // b with i is favoured by e^2 over the independent product
        initialFinal[SyllableParts.INITIAL_LABELS.indexOf("b")][SyllableParts.FINALS.indexOf("i")] = 2;
        double[][] finalTone = new double[f][5];
        finalTone[SyllableParts.FINALS.indexOf("a")][1] = Math.log(3); // a in tone 2, three times
        PartCoupling coupling = new PartCoupling(initialFinal, new double[i][5], finalTone);
        Posteriors coupled = new Posteriors(List.of(), new double[0], tone, initials(0.4, 0.6), finals(0.5, 0.5), 0,
                coupling);
        List<TonedSyllable> allowed = List.of("ba1", "ba2", "bi1", "pi1").stream().map(TonedSyllable::parse).toList();
        List<Posteriors.Scored> scored = coupled.topToned(allowed, 4);
        // unnormalised: ba1 .4*.5*.5=.1, ba2 .1*3=.3, bi1 .1*e^2, pi1 .6*.5*.5=.15
        double total = 0.1 + 0.3 + 0.1 * Math.exp(2) + 0.15;
        assertEquals(0.1 / total, probability(scored, "ba1"), 1e-12);
        assertEquals(0.3 / total, probability(scored, "ba2"), 1e-12);
        assertEquals(0.1 * Math.exp(2) / total, probability(scored, "bi1"), 1e-12);
        assertEquals("bi1", scored.get(0).syllable().toned());
        assertEquals(coupling, coupled.withWholeWeight(0).coupling(), "a new share keeps the coupling");
        assertThrows(IllegalArgumentException.class, () -> new Posteriors(List.of("ba"), new double[] {1}, tone,
                new double[0], new double[0], 1, coupling), "a coupling without part heads");
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> new PartCoupling(new double[i][f], new double[i][4], new double[f][5]));
        assertTrue(shape.getMessage().contains("initialTone row 0 needs 5"), shape.getMessage());
    }

    @Test
    void bothMixTheWholeHeadsOpinionWithThePartsAndOnlyThePartsSpeakForTheUnheard() {
        double[] tone = {1, 0, 0, 0, 0};
        // the whole-syllable head knows ba and pi (sure of ba); the parts lean to pa, which it never heard
        Posteriors both = new Posteriors(List.of("ba", "pi"), new double[] {1, 0}, tone, initials(0.2, 0.8),
                finals(1, 0), 0.5);
        List<Posteriors.Scored> scored = both.topToned(ALLOWED, 4);
        // whole: ba1 1 (others 0); parts: ba1 .2, pa1 .8; mixed at 0.5: ba1 .6, pa1 .4
        assertEquals(0.6, probability(scored, "ba1"), 1e-12);
        assertEquals(0.4, probability(scored, "pa1"), 1e-12);
        assertEquals(0, probability(scored, "pi1"), 1e-12);

        Posteriors whole = new Posteriors(List.of("ba", "pi"), new double[] {0.5, 0.5}, tone);
        List<Posteriors.Scored> wholeOnly = whole.topToned(ALLOWED, 4);
        assertEquals(3, wholeOnly.size(), "a whole-syllable head leaves out the base it does not have (pa)");
        assertTrue(wholeOnly.stream().noneMatch(s -> s.syllable().base().equals("pa")));
    }

    @Test
    void refusesMalformedHeads() {
        double[] tone = new double[5];
        assertThrows(IllegalArgumentException.class,
                () -> new Posteriors(List.of(), new double[0], tone, new double[3], new double[42], 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Posteriors(List.of(), new double[0], tone, new double[0], new double[0], 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Posteriors(List.of("ba"), new double[1], tone, new double[0], new double[0], 1.5));
    }
}
