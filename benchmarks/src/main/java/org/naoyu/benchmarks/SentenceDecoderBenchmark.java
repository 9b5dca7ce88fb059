package org.naoyu.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.naoyu.decoder.language.PinyinConverter;
import org.naoyu.decoder.language.PinyinInput;
import org.naoyu.decoder.language.SentenceDecoder;
import org.naoyu.decoder.language.Syllable;
import org.naoyu.decoder.language.SyllableConfusion;
import org.naoyu.decoder.language.SyllableLattice;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pinyin-to-hanzi search on a 10-syllable sentence (我想请医生帮我看一下), as the speller meets it:
 * <ul>
 *   <li>{@code input=decoded}: each attempt the neural decoder's top 5 toned syllables (simulated at 70 % top-1,
 *       {@link SyllableConfusion}); {@code input=toneless}: exact pinyin without tones, the widest typed case;</li>
 *   <li>{@code pushTenthSyllable}: one incremental update, the 10th syllable arriving (issue 8: &lt; 5 ms p99);</li>
 *   <li>{@code decodeTenSyllables}: the whole sentence at once, 5-best (issue 8: &lt; 20 ms).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms400m", "-Xmx400m"}) // issue 19: the language model within 400 MB of heap
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SentenceDecoderBenchmark {
    private static final String SENTENCE = "wo3 xiang3 qing3 yi1 sheng1 bang1 wo3 kan4 yi1 xia4";

    @Param({"decoded", "toneless"})
    public String input;

    /**
     * {@code standard}: with libime's and sunpinyin's trigrams (issue 19), as naoyu runs; {@code bundled}: the bigram
     * alone.
     */
    @Param({"standard", "bundled"})
    public String model;

    private SentenceDecoder decoder;
    private final List<List<SyllableLattice.Candidate>> slots = new ArrayList<>();
    private SyllableLattice whole;
    private SentenceDecoder.Incremental nine;

    @Setup
    public void load() {
        PinyinConverter converter = model.equals("bundled") ? PinyinConverter.shipped()
                : PinyinConverter.standard(notice -> {
                    throw new IllegalStateException(notice);
                });
        decoder = converter.decoder();
        SyllableConfusion confusion = new SyllableConfusion(converter.lexicon(), 0.7);
        Random random = new Random(11);
        for (String token : SENTENCE.split(" ")) {
            Syllable said = Syllable.parse(token);
            slots.add(input.equals("decoded") ? confusion.attempt(said, random)
                    : List.of(new SyllableLattice.Candidate(new Syllable(said.base(), Syllable.TONELESS), 0)));
        }
        whole = new SyllableLattice();
        slots.forEach(whole::append);
        if (!PinyinInput.parse(SENTENCE, converter.lexicon()).get(0).passesThrough()
                && decoder.decode(whole, 1).isEmpty()) {
            throw new IllegalStateException("the benchmark sentence does not decode");
        }
    }

    @Setup(Level.Invocation)
    public void nineSyllables() {
        nine = decoder.incremental();
        for (int i = 0; i < 9; i++) {
            nine.push(slots.get(i), 5);
        }
    }

    @Benchmark
    public List<SentenceDecoder.Hypothesis> pushTenthSyllable() {
        return nine.push(slots.get(9), 5);
    }

    @Benchmark
    public List<SentenceDecoder.Hypothesis> decodeTenSyllables() {
        return decoder.decode(whole, 5);
    }
}
