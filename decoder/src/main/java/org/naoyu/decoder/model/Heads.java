package org.naoyu.decoder.model;

import java.util.List;
import java.util.Locale;

/**
 * The softmax heads a decoder has on top of its shared layer. Every decoder has a tone head (5 tones); beside it:
 * <ul>
 * <li>{@code WHOLE}: one output per base syllable heard in training. It can only answer with syllables it heard.</li>
 * <li>{@code PARTS}: one head over the 22 initials and one over the 42 finals
 * ({@link org.naoyu.decoder.data.SyllableParts}). Every toned syllable of the language is scored from its parts, so
 * the decoder can name a syllable it never heard whole.</li>
 * <li>{@code BOTH}: the two, their posteriors over toned syllables mixed ({@link Posteriors}).</li>
 * </ul>
 */
public enum Heads {
    WHOLE, PARTS, BOTH;

    /** The output layers' names in the graph, in the order the graph lists its outputs. */
    public List<String> layers() {
        return switch (this) {
            case WHOLE -> List.of("base", "tone");
            case PARTS -> List.of("initial", "final", "tone");
            case BOTH -> List.of("base", "tone", "initial", "final");
        };
    }

    public boolean whole() {
        return this != PARTS;
    }

    public boolean parts() {
        return this != WHOLE;
    }

    /** Reads {@code whole}, {@code parts} or {@code both}. */
    public static Heads parse(String name) {
        for (Heads heads : values()) {
            if (heads.name().equalsIgnoreCase(name)) {
                return heads;
            }
        }
        throw new IllegalArgumentException("heads must be whole, parts or both, got '" + name + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
