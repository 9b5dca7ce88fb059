package org.naoyu.decoder.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the language model recovers from an uncertain syllable decoder: each reference sentence's toned syllables go
 * through {@link SyllableConfusion} at a given top-1 accuracy, and the characters come out two ways — the joint search
 * with the language model, and without it (each attempt's top syllable as its most frequent character).
 */
public final class NoisyInputExperiment {

    /** One accuracy's result over all sentences and repeats. */
    public record Point(double targetAccuracy, double syllableAccuracy, double charactersWithout, double charactersWith) {
    }

    private NoisyInputExperiment() {
    }

    /**
     * @param sentences toned pinyin per sentence, one syllable per reference character; punctuation, in either, is
     *                  left out of both (a speaking participant does not say it)
     * @throws IllegalArgumentException naming the line when a sentence is not toned pinyin of its reference's length
     */
    public static Point run(PinyinConverter converter, List<String> sentences, List<String> references, double accuracy,
            int repeats, long seed) {
        Lexicon lexicon = converter.lexicon();
        SentenceDecoder decoder = converter.decoder();
        SyllableConfusion confusion = new SyllableConfusion(lexicon, accuracy);
        Random random = new Random(seed);
        long syllables = 0;
        long topRight = 0;
        long characters = 0;
        long errorsWithout = 0;
        long errorsWith = 0;
        for (int r = 0; r < repeats; r++) {
            for (int i = 0; i < sentences.size(); i++) {
                List<Syllable> said = toned(sentences.get(i), references.get(i), i + 1);
                SyllableLattice lattice = new SyllableLattice();
                StringBuilder without = new StringBuilder();
                for (Syllable s : said) {
                    List<SyllableLattice.Candidate> slot = confusion.attempt(s, random);
                    lattice.append(slot);
                    SyllableLattice.Candidate top = slot.stream()
                            .max(java.util.Comparator.comparingDouble(SyllableLattice.Candidate::logProb)).orElseThrow();
                    topRight += top.syllable().equals(s) ? 1 : 0;
                    without.append(commonest(lexicon, top.syllable()));
                }
                List<SentenceDecoder.Hypothesis> best = decoder.decode(lattice, 1);
                String with = best.isEmpty() ? "" : best.get(0).text();
                String reference = spoken(references.get(i));
                syllables += said.size();
                characters += reference.codePointCount(0, reference.length());
                errorsWithout += CharacterErrors.editDistance(without.toString(), reference);
                errorsWith += CharacterErrors.editDistance(with, reference);
            }
        }
        return new Point(accuracy, topRight / (double) syllables, 1 - errorsWithout / (double) characters,
                1 - errorsWith / (double) characters);
    }

    /** The reference without its punctuation: what the participant says. */
    private static String spoken(String reference) {
        return reference.strip().replaceAll("\\p{P}", "");
    }

    private static List<Syllable> toned(String pinyin, String reference, int line) {
        List<Syllable> out = new ArrayList<>();
        for (String token : pinyin.strip().split("\\s+")) {
            if (token.codePoints().noneMatch(Character::isLetter)) {
                continue; // punctuation: not said
            }
            Syllable s;
            try {
                s = Syllable.parse(token);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
            }
            if (!s.toned()) {
                throw new IllegalArgumentException("line " + line + ": '" + token + "' has no tone; simulated decoder "
                        + "noise needs toned, space-separated syllables");
            }
            out.add(s);
        }
        String spoken = spoken(reference);
        if (out.size() != spoken.codePointCount(0, spoken.length())) {
            throw new IllegalArgumentException("line " + line + ": " + out.size() + " syllables for the "
                    + spoken.codePointCount(0, spoken.length()) + " characters of '" + spoken + "'");
        }
        return out;
    }

    /** The most frequent character read as {@code syllable}, or '?' when none is. */
    private static String commonest(Lexicon lexicon, Syllable syllable) {
        Lexicon.Node node = lexicon.root().child(syllable.base());
        LexiconEntry best = null;
        if (node != null) {
            for (LexiconEntry entry : node.words()) {
                if (entry.pinyin().get(0).tone() == syllable.tone()
                        && (best == null || entry.frequency() > best.frequency())) {
                    best = entry;
                }
            }
        }
        return best == null ? "?" : best.word();
    }
}
