package org.naoyu.datasets.bci2000;

import java.util.List;

/**
 * One line of a BCI2000 {@code [ Parameter Definition ]} section: {@code Section:Sub type Name= values // comment}.
 * Values are URL-decoded ({@code %20} is a space, a lone {@code %} is empty). For {@code list} types the count is
 * dropped and {@code values} holds the items; for scalars it holds the value; for matrices the raw tokens.
 */
public record Bci2000Parameter(String section, String type, String name, List<String> values, String comment) {
    public Bci2000Parameter {
        values = List.copyOf(values);
    }

    /** The first value, e.g. {@code "256Hz"}. */
    public String value() {
        return values.isEmpty() ? "" : values.get(0);
    }

    /** The first value as a number, ignoring a unit suffix such as {@code Hz} or {@code ms}. */
    public double number() {
        String text = value().replaceAll("[A-Za-z%µ]+$", "");
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " must be a number, got '" + value() + "'", e);
        }
    }
}
