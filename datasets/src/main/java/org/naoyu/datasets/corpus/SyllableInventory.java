package org.naoyu.datasets.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every toned Mandarin syllable that common characters are read with, most frequent first: the label set of the
 * syllable decoder and the material of the calibration task. Built by {@code datasets/scripts/
 * build_syllable_inventory.py} from pinyin-data (the 8105 characters of the 2013 standard table, readings attested in
 * the Frequency Dictionary of Modern Chinese) and jieba's word frequencies, all MIT-licensed.
 */
public final class SyllableInventory {
    static final String RESOURCE = "syllables.tsv";
    private static final SyllableInventory STANDARD = load();

    private final List<Syllable> syllables;
    private final Map<String, Syllable> byToned;

    private SyllableInventory(List<Syllable> syllables) {
        this.syllables = List.copyOf(syllables);
        Map<String, Syllable> index = new LinkedHashMap<>();
        for (Syllable syllable : syllables) {
            index.put(syllable.toned(), syllable);
        }
        this.byToned = Map.copyOf(index);
    }

    /** The inventory naoyu ships. */
    public static SyllableInventory standard() {
        return STANDARD;
    }

    /** Every toned syllable, most frequent first. */
    public List<Syllable> syllables() {
        return syllables;
    }

    /** The base syllables (tone removed), alphabetically. */
    public List<String> bases() {
        TreeSet<String> bases = new TreeSet<>();
        syllables.forEach(s -> bases.add(s.base()));
        return List.copyOf(bases);
    }

    public Optional<Syllable> get(String toned) {
        return Optional.ofNullable(byToned.get(toned));
    }

    public int size() {
        return syllables.size();
    }

    private static SyllableInventory load() {
        try (InputStream in = SyllableInventory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the datasets jar; rebuild with mvn package");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static SyllableInventory parse(BufferedReader reader) throws IOException {
        List<Syllable> syllables = new ArrayList<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            try {
                syllables.add(new Syllable(fields[0], fields[1], Integer.parseInt(fields[2]),
                        Long.parseLong(fields[3]), fields[4]));
            } catch (RuntimeException e) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + " must be 'syllable base tone "
                        + "frequency characters', got '" + line + "' (" + e.getMessage() + ")", e);
            }
        }
        return new SyllableInventory(syllables);
    }
}
