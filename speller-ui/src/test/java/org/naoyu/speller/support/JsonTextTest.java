package org.naoyu.speller.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    record Row(String name, double rateHz, float gain, Double first, double[] buckets, List<Double> values) {
    }

    private static final Row ROW = new Row("a \"b\"\n", 2000, 0.5f, null, new double[] {1, 0.25, Double.NaN},
            Arrays.asList(3.0, Double.POSITIVE_INFINITY, null));

    @Test
    void aDocumentIsOneLineWithTheSpacesPeopleType() {
        assertEquals("{\"name\": \"a \\\"b\\\"\\n\", \"rateHz\": 2000, \"gain\": 0.5, \"first\": null, "
                + "\"buckets\": [1, 0.25, null], \"values\": [3, null, null]}", JsonText.document(ROW));
    }

    @Test
    void aLineIsCompact() {
        assertEquals("{\"name\":\"a \\\"b\\\"\\n\",\"rateHz\":2000,\"gain\":0.5,\"first\":null,"
                + "\"buckets\":[1,0.25,null],\"values\":[3,null,null]}", JsonText.line(ROW));
    }

    @Test
    void wholeNumbersLoseTheirFractionAndOthersKeepEveryDigit() {
        assertEquals("[1000000, -3, 0.1, 1.0E-7, 1.0E15]", JsonText.document(List.of(1e6, -3.0, 0.1, 1e-7, 1e15)));
    }

    @Test
    void numbersInTextAreWrittenAsTyped() {
        assertEquals("2000", Numbers.plain(2000.0));
        assertEquals("0.25", Numbers.plain(0.25));
        assertEquals("NaN", Numbers.plain(Double.NaN));
    }
}
