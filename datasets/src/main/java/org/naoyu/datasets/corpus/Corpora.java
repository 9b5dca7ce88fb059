package org.naoyu.datasets.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The task material of a speller session: everyday patient-communication sentences for training and cued sentences,
 * a held-out set for evaluation only, and cued-syllable calibration lists from the {@link SyllableInventory}.
 * Sentences were written for naoyu (CC0); their pinyin comes from {@code datasets/scripts/build_sentence_corpus.py}.
 */
public final class Corpora {
    private static final List<Sentence> SENTENCES = load("sentences.tsv");
    private static final List<Sentence> HELD_OUT = load("heldout.tsv");

    private Corpora() {
    }

    /** The sentences for training and cued spelling (332). */
    public static List<Sentence> sentences() {
        return SENTENCES;
    }

    /** Sentences for evaluation only, none of them in {@link #sentences()} (54). */
    public static List<Sentence> heldOut() {
        return HELD_OUT;
    }

    /**
     * A calibration list, NeuroXess-style: every base syllable once, cued with its most frequent tone, or every toned
     * syllable when {@code allTones}; in a random order that {@code seed} makes repeatable.
     */
    public static List<Syllable> calibrationCues(SyllableInventory inventory, boolean allTones, long seed) {
        List<Syllable> cues;
        if (allTones) {
            cues = new ArrayList<>(inventory.syllables());
        } else {
            Map<String, Syllable> mostFrequent = new LinkedHashMap<>();
            for (Syllable syllable : inventory.syllables()) { // most frequent first, so the first per base wins
                mostFrequent.putIfAbsent(syllable.base(), syllable);
            }
            cues = new ArrayList<>(mostFrequent.values());
        }
        cues.sort(Comparator.comparing(Syllable::toned)); // a fixed order before the seeded shuffle
        Collections.shuffle(cues, new Random(seed));
        return List.copyOf(cues);
    }

    private static List<Sentence> load(String resource) {
        try (InputStream in = Corpora.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the datasets jar; rebuild with mvn package");
            }
            List<Sentence> sentences = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 3) {
                    throw new IllegalStateException(resource + " line " + lineNumber + " must be 'category sentence "
                            + "pinyin', got '" + line + "'");
                }
                sentences.add(new Sentence(fields[0], fields[1], Arrays.asList(fields[2].split(" "))));
            }
            return List.copyOf(sentences);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
