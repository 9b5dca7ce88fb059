package org.naoyu.decoder.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PinyinConverterTest {
    @Test
    void withoutTheTrigramsItSaysSoAndConvertsWithTheBigram() {
        List<String> notices = new ArrayList<>();
        PinyinConverter converter = PinyinConverter.standard(Optional.empty(), Optional.empty(), notices::add);
        assertEquals(3, notices.size(), notices.toString());
        assertEquals("libime's trigram is neither in this build nor installed (apt-get install "
                + "libime-data-language-model, then rebuild)", notices.get(0));
        assertEquals("sunpinyin-data's trigram is neither in this build nor installed (apt-get install "
                + "sunpinyin-data, then rebuild)", notices.get(1));
        assertTrue(notices.get(2).startsWith("no trigram found: using the bundled bigram model"), notices.get(2));
        assertEquals("我想喝水", converter.convert("wo3 xiang3 he1 shui3", 1).get(0).text());
    }

    /** With one trigram missing, the other is used alone, and the notice names both. */
    @Test
    void withOneTrigramItSaysWhichIsMissing() throws Exception {
        Optional<SunpinyinModel> sunpinyin = SunpinyinModel.available();
        assumeTrue(sunpinyin.isPresent(), "no sunpinyin-data on this machine");
        List<String> notices = new ArrayList<>();
        PinyinConverter converter = PinyinConverter.standard(Optional.empty(), sunpinyin, notices::add);
        assertEquals(List.of("libime's trigram is neither in this build nor installed (apt-get install "
                + "libime-data-language-model, then rebuild): using sunpinyin's alone, which converts fewer "
                + "characters right (decoder/README.md)"), notices);
        assertTrue(converter.lexicon().words() > Lexicon.shipped().words() + 17_000, "sunpinyin's words added");
        assertEquals("我想喝水", converter.convert("wo xiang he shui", 1).get(0).text());
    }

    /** The build puts both trigrams into the classes (decoder/scripts/fetch_debian_model.sh) where Debian has them. */
    @Test
    void withBothTrigramsTheirWordsJoinTheLexicon() throws Exception {
        Optional<KenLmModel> libime = KenLmModel.available();
        Optional<SunpinyinModel> sunpinyin = SunpinyinModel.available();
        assumeTrue(libime.isPresent() && sunpinyin.isPresent(), "libime's or sunpinyin's model is missing here");
        List<String> notices = new ArrayList<>();
        PinyinConverter converter = PinyinConverter.standard(libime, sunpinyin, notices::add);
        assertEquals(List.of(), notices);
        assertTrue(converter.lexicon().words() > Lexicon.shipped().words() + 60_000,
                "libime's and sunpinyin's words added: " + converter.lexicon().words());
        assertEquals("我想喝水，你知道谁来了吗", converter.convert("wo xiang he shui, ni zhidao shei lai le ma", 1).get(0)
                .text());
        // a clause of the dev set that sunpinyin's trigram alone converted with 秀 for 修
        assertEquals("得找人来修一下", converter.convert("dei zhao ren lai xiu yi xia", 1).get(0).text());
    }
}
