package org.naoyu.speller.calibration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.naoyu.datasets.corpus.Syllable;
import org.naoyu.datasets.corpus.SyllableInventory;
import org.naoyu.decoder.data.SyllableParts;
import org.naoyu.decoder.data.TonedSyllable;

/**
 * The order in which a participant's calibrations meet the language: one long list of cued syllables that sessions
 * take in turn ({@link #slice}), so they accumulate instead of each starting over. Nobody can repeat 1,391 toned
 * syllables 20 times; the plan instead covers the parts syllables are made of first, then every syllable's base:
 * <ol>
 *   <li><b>Parts</b>, three rounds: the fewest toned syllables (greedy, the frequent ones first) in which every
 *       initial meets every tone it takes and every final every tone it takes ({@link SyllableParts}) — 190 syllables,
 *       each said three times, so a validation split can judge a model on each of them;</li>
 *   <li><b>Bases</b>: every base syllable not yet said, with its most frequent tone, so every initial meets every
 *       final it forms a syllable with;</li>
 *   <li><b>Toned</b>: the remaining toned syllables, most frequent first.</li>
 * </ol>
 * Each round is shuffled with the participant's seed, so neighbouring trials do not always pair the same syllables.
 */
public final class CalibrationPlan {
    /** Rounds of the parts block: the trials a stratified validation split needs. */
    public static final int PARTS_ROUNDS = 3;

    private final List<Block> blocks;
    private final List<String> trials;

    /** A named stretch of the plan. */
    public record Block(String name, List<String> cues) {
        public Block {
            cues = List.copyOf(cues);
        }
    }

    private CalibrationPlan(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
        List<String> all = new ArrayList<>();
        blocks.forEach(b -> all.addAll(b.cues()));
        this.trials = List.copyOf(all);
    }

    /** The plan over {@code inventory} (syllables most frequent first), shuffled per round by {@code seed}. */
    public static CalibrationPlan of(SyllableInventory inventory, long seed) {
        Random random = new Random(seed);
        List<Syllable> syllables = inventory.syllables();
        List<String> parts = coverParts(syllables);
        List<Block> blocks = new ArrayList<>();
        for (int round = 1; round <= PARTS_ROUNDS; round++) {
            blocks.add(new Block("parts " + round + "/" + PARTS_ROUNDS, shuffled(parts, random)));
        }
        Set<String> said = new HashSet<>(parts);
        Set<String> basesSaid = new HashSet<>();
        parts.forEach(t -> basesSaid.add(TonedSyllable.parse(t).base()));
        Map<String, String> firstPerBase = new LinkedHashMap<>();
        for (Syllable s : syllables) {
            if (!basesSaid.contains(s.base())) {
                firstPerBase.putIfAbsent(s.base(), s.toned());
            }
        }
        List<String> bases = new ArrayList<>(firstPerBase.values());
        blocks.add(new Block("bases", shuffled(bases, random)));
        said.addAll(bases);
        List<String> rest = syllables.stream().map(Syllable::toned).filter(t -> !said.contains(t)).toList();
        blocks.add(new Block("toned", rest));
        return new CalibrationPlan(blocks);
    }

    /** The blocks, in order. */
    public List<Block> blocks() {
        return blocks;
    }

    /** Every cued trial of the plan, in order. */
    public List<String> trials() {
        return trials;
    }

    /**
     * The trials from {@code from} on, at most {@code count}: what one session cues when the participant's earlier
     * sessions reached trial {@code from}.
     */
    public List<String> slice(int from, int count) {
        if (from < 0 || from >= trials.size()) {
            throw new IllegalArgumentException("the plan's position must be in [0, " + (trials.size() - 1)
                    + "], got " + from);
        }
        if (count < 1) {
            throw new IllegalArgumentException("a session cues at least 1 trial, got " + count);
        }
        return trials.subList(from, Math.min(trials.size(), from + count));
    }

    /** The block trial {@code position} falls in, for telling the operator where a session starts. */
    public Block blockAt(int position) {
        int start = 0;
        for (Block block : blocks) {
            if (position < start + block.cues().size()) {
                return block;
            }
            start += block.cues().size();
        }
        throw new IllegalArgumentException("the plan has " + trials.size() + " trials, got position " + position);
    }

    /** Trials from the start of the plan to the end of the block named {@code name}. */
    public int trialsThrough(String name) {
        int end = 0;
        for (Block block : blocks) {
            end += block.cues().size();
            if (block.name().equals(name)) {
                return end;
            }
        }
        throw new IllegalArgumentException("no block '" + name + "'; the blocks are "
                + blocks.stream().map(Block::name).toList());
    }

    /**
     * A greedy cover of every (initial, tone) and (final, tone) pair of the inventory: each step takes the syllable
     * that adds most pairs not yet covered, the most frequent one on a tie.
     */
    static List<String> coverParts(List<Syllable> syllables) {
        Map<String, Set<String>> pairs = new LinkedHashMap<>();
        Set<String> target = new LinkedHashSet<>();
        for (Syllable s : syllables) {
            SyllableParts p = SyllableParts.of(TonedSyllable.parse(s.toned()));
            Set<String> own = Set.of("initial " + p.initial() + " " + p.tone(), "final " + p.fin() + " " + p.tone());
            pairs.put(s.toned(), own);
            target.addAll(own);
        }
        Set<String> covered = new HashSet<>();
        List<String> chosen = new ArrayList<>();
        while (covered.size() < target.size()) {
            String best = null;
            int bestGain = 0;
            for (Map.Entry<String, Set<String>> entry : pairs.entrySet()) { // most frequent first: ties keep it
                int gain = (int) entry.getValue().stream().filter(x -> !covered.contains(x)).count();
                if (gain > bestGain) {
                    best = entry.getKey();
                    bestGain = gain;
                }
            }
            chosen.add(best);
            covered.addAll(pairs.get(best));
        }
        return chosen;
    }

    private static List<String> shuffled(List<String> cues, Random random) {
        List<String> copy = new ArrayList<>(cues);
        Collections.shuffle(copy, random);
        return copy;
    }
}
