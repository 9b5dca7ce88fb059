package org.naoyu.datasets.corpus;

import java.util.List;

/**
 * A sentence a participant may want to say, with one toned syllable per character (citation tones, ü as v).
 *
 * @param category what it is about: needs, pain, care, family, feelings, answers, time, daily, food, medical
 */
public record Sentence(String category, String text, List<String> syllables) {
    public Sentence {
        syllables = List.copyOf(syllables);
        if (text.codePointCount(0, text.length()) != syllables.size()) {
            throw new IllegalArgumentException("sentence '" + text + "' must have one syllable per character ("
                    + text.codePointCount(0, text.length()) + "), got " + syllables.size() + " " + syllables);
        }
    }
}
