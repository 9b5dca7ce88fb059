package org.naoyu.decoder.language;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Typed pinyin to hanzi, a line at a time: the shipped lexicon, the general bigram model adapted to the speller's
 * domain, and the sentence decoder, as {@code naoyu pinyin2hanzi} and {@code naoyu lm-eval} use them.
 */
public final class PinyinConverter {

    /** One conversion of a line: its text, the toned pinyin of the words chosen, and the total log score. */
    public record Conversion(String text, String pinyin, double score) {
    }

    private final Lexicon lexicon;
    private final SentenceDecoder decoder;

    public PinyinConverter(Lexicon lexicon, LanguageModel model, SentenceDecoder.Settings settings) {
        this.lexicon = lexicon;
        this.decoder = new SentenceDecoder(lexicon, model, settings);
    }

    /** The shipped lexicon and adapted model with the default settings (about 1.5 s to load). */
    public static PinyinConverter shipped() {
        Lexicon lexicon = Lexicon.shipped();
        return new PinyinConverter(lexicon, AdaptedModel.shipped(new BigramModel(lexicon)),
                SentenceDecoder.Settings.DEFAULT);
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public SentenceDecoder decoder() {
        return decoder;
    }

    /**
     * The {@code nBest} best conversions of a line, best first: each piece of pinyin decoded on its own, punctuation,
     * numbers and hanzi kept; the k-th conversion joins each piece's k-th hypothesis (or its last, when it has fewer).
     * An empty line gives one empty conversion.
     *
     * @throws IllegalArgumentException naming the column when part of the line is not pinyin, or when no sequence
     *                                  of words spells a piece
     */
    public List<Conversion> convert(String line, int nBest) {
        if (nBest < 1) {
            throw new IllegalArgumentException("nBest must be >= 1, got " + nBest);
        }
        List<PinyinInput.Piece> pieces = PinyinInput.parse(line, lexicon);
        List<List<SentenceDecoder.Hypothesis>> decoded = new ArrayList<>();
        int available = 1;
        for (PinyinInput.Piece piece : pieces) {
            if (piece.passesThrough()) {
                decoded.add(null);
                continue;
            }
            List<SentenceDecoder.Hypothesis> hypotheses = decoder.decode(piece.lattice(), nBest);
            if (hypotheses.isEmpty()) {
                throw new IllegalArgumentException("no sequence of words spells the pinyin before position "
                        + piece.lattice().end());
            }
            decoded.add(hypotheses);
            available = Math.max(available, hypotheses.size());
        }
        List<Conversion> out = new ArrayList<>();
        for (int k = 0; k < Math.min(nBest, available); k++) {
            StringBuilder text = new StringBuilder();
            List<String> pinyin = new ArrayList<>();
            double score = 0;
            for (int p = 0; p < pieces.size(); p++) {
                if (decoded.get(p) == null) {
                    text.append(pieces.get(p).text());
                    continue;
                }
                List<SentenceDecoder.Hypothesis> options = decoded.get(p);
                SentenceDecoder.Hypothesis h = options.get(Math.min(k, options.size() - 1));
                text.append(h.text());
                pinyin.add(h.words().stream().flatMap(w -> w.pinyin().stream()).map(Syllable::toString)
                        .collect(Collectors.joining(" ")));
                score += h.score();
            }
            out.add(new Conversion(text.toString(), String.join(" ", pinyin), score));
        }
        return out;
    }
}
