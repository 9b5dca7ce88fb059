package org.naoyu.decoder.language;

import java.util.List;

/** One reading of a word: the word, its toned syllables in order, and the corpus frequency of this reading. */
public record LexiconEntry(String word, List<Syllable> pinyin, long frequency) {
    public LexiconEntry {
        pinyin = List.copyOf(pinyin);
        if (word.codePointCount(0, word.length()) != pinyin.size()) {
            throw new IllegalArgumentException("'" + word + "' has " + word.codePointCount(0, word.length())
                    + " characters but " + pinyin.size() + " syllables");
        }
    }
}
