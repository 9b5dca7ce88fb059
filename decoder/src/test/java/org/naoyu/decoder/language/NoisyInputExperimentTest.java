package org.naoyu.decoder.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoisyInputExperimentTest {
    @Test
    void punctuationIsNotSaidAndAMismatchNamesItsLine() {
        PinyinConverter converter = PinyinConverter.shipped();
        NoisyInputExperiment.Point point = NoisyInputExperiment.run(converter,
                List.of("wo3 xiang3 he1 shui3 ， xie4 xie5 。"), List.of("我想喝水，谢谢。"), 0.99, 3, 1);
        assertTrue(point.syllableAccuracy() > 0.8, "top-1 " + point.syllableAccuracy());
        assertTrue(point.charactersWith() > 0.8, "with the language model " + point.charactersWith());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NoisyInputExperiment.run(
                converter, List.of("wo3 ai4 ni3", "wo3 xiang3 。"), List.of("我爱你", "我想喝水。"), 0.7, 1, 1));
        assertEquals("line 2: 2 syllables for the 4 characters of '我想喝水'", e.getMessage());
    }
}
