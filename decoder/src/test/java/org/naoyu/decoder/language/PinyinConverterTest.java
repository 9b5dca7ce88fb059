package org.naoyu.decoder.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PinyinConverterTest {
    @Test
    void withoutTheTrigramItSaysSoAndConvertsWithTheBigram() {
        List<String> notices = new ArrayList<>();
        PinyinConverter converter = PinyinConverter.standard(Optional.empty(), notices::add);
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).startsWith("sunpinyin-data's trigram is neither in this build nor installed "
                + "(apt-get install sunpinyin-data, then rebuild)"), notices.get(0));
        assertEquals("我想喝水", converter.convert("wo3 xiang3 he1 shui3", 1).get(0).text());
    }

    /** The build puts the trigram into the classes (decoder/scripts/fetch_sunpinyin.sh) where Debian has it. */
    @Test
    void withTheTrigramItsWordsJoinTheLexicon() throws Exception {
        Optional<SunpinyinModel> sunpinyin = SunpinyinModel.available();
        org.junit.jupiter.api.Assumptions.assumeTrue(sunpinyin.isPresent(), "no sunpinyin-data on this machine");
        List<String> notices = new ArrayList<>();
        PinyinConverter converter = PinyinConverter.standard(sunpinyin, notices::add);
        assertEquals(List.of(), notices);
        assertTrue(converter.lexicon().words() > Lexicon.shipped().words() + 17_000, "sunpinyin's words added");
        assertEquals("我想喝水，你知道谁来了吗", converter.convert("wo xiang he shui, ni zhidao shei lai le ma", 1).get(0)
                .text());
    }
}
