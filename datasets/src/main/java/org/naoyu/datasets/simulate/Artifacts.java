package org.naoyu.datasets.simulate;

import java.util.ArrayList;
import java.util.List;
import org.naoyu.datasets.corpus.TaskMarker;

/**
 * Occasional artifacts at Poisson-distributed times. A <b>movement</b> (head, jaw or cable) is a smooth deflection of
 * 150–600 µV over 0.5–2 s on every channel, graded across the grid, with broadband muscle activity (8 µV) under the
 * same envelope — which reaches the high-gamma band, as real EMG does. An electrode <b>pop</b> is a sudden step of
 * 200–1000 µV on one channel decaying exponentially with a time constant of 50–300 ms. Each one is announced by a
 * marker ({@code artifact_movement}, {@code artifact_pop G045}) so tests and analysts know the truth.
 */
final class Artifacts {
    private static final double MUSCLE_MICROVOLTS = 8;

    private record Movement(long start, long length, double microvolts, double[] gradient) {
    }

    private record Pop(int channel, long start, double microvolts, double decaySamples) {
        long end() {
            return start + (long) StrictMath.ceil(6 * decaySamples);
        }
    }

    private final ElectrodeGrid grid;
    private final double rate;
    private final double movementGapSamples;
    private final double popGapSamples;
    private final SimRandom random;
    private final List<Movement> movements = new ArrayList<>();
    private final List<Pop> pops = new ArrayList<>();
    private double nextMovement;
    private double nextPop;
    private long pieceStart;

    Artifacts(ElectrodeGrid grid, double rate, double movementsPerMinute, double popsPerMinute, SimRandom random) {
        this.grid = grid;
        this.rate = rate;
        this.random = random;
        this.movementGapSamples = movementsPerMinute > 0 ? 60 * rate / movementsPerMinute : Double.POSITIVE_INFINITY;
        this.popGapSamples = popsPerMinute > 0 ? 60 * rate / popsPerMinute : Double.POSITIVE_INFINITY;
        this.nextMovement = random.exponential(movementGapSamples);
        this.nextPop = random.exponential(popGapSamples);
    }

    /** Lays out the artifacts starting before {@code horizon}; returns their markers. */
    List<TimedMarker> scheduleUntil(long horizon) {
        if (nextMovement >= horizon && nextPop >= horizon) {
            return List.of();
        }
        List<TimedMarker> markers = new ArrayList<>();
        while (nextMovement < horizon) {
            long start = (long) nextMovement;
            double angle = random.uniform(0, 2 * StrictMath.PI);
            double[] gradient = new double[grid.channelCount()];
            for (int c = 0; c < gradient.length; c++) {
                double along = StrictMath.cos(angle) * (grid.anteroPosterior(c) - 0.5)
                        + StrictMath.sin(angle) * (grid.dorsoVentral(c) - 0.5);
                gradient[c] = 0.65 + 0.7 * along;
            }
            double sign = random.nextDouble() < 0.5 ? -1 : 1;
            movements.add(new Movement(start, StrictMath.round(random.uniform(0.5, 2) * rate),
                    sign * random.uniform(150, 600), gradient));
            markers.add(new TimedMarker(start, TaskMarker.of(TaskMarker.Kind.ARTIFACT_MOVEMENT)));
            nextMovement += random.exponential(movementGapSamples);
        }
        while (nextPop < horizon) {
            long start = (long) nextPop;
            int channel = random.nextInt(grid.channelCount());
            double sign = random.nextDouble() < 0.5 ? -1 : 1;
            pops.add(new Pop(channel, start, sign * random.uniform(200, 1000), random.uniform(0.05, 0.3) * rate));
            markers.add(new TimedMarker(start, new TaskMarker(TaskMarker.Kind.ARTIFACT_POP, grid.label(channel))));
            nextPop += random.exponential(popGapSamples);
        }
        return markers;
    }

    /** Moves to the piece [first, first + length): forgets artifacts that are over. */
    void advance(long first, int length) {
        pieceStart = first;
        movements.removeIf(m -> m.start() + m.length() <= first);
        pops.removeIf(p -> p.end() <= first);
    }

    /** Adds the artifacts on channel {@code c} to the piece. */
    void addTo(int c, double[] x, int length, SimRandom noise) {
        long pieceEnd = pieceStart + length;
        for (Movement m : movements) {
            if (m.start() >= pieceEnd) {
                continue;
            }
            long from = StrictMath.max(pieceStart, m.start());
            long to = StrictMath.min(pieceEnd, m.start() + m.length());
            double g = m.gradient()[c];
            for (long n = from; n < to; n++) {
                double bump = 0.5 - 0.5 * StrictMath.cos(2 * StrictMath.PI * (n - m.start()) / m.length());
                x[(int) (n - pieceStart)] += g * bump * (m.microvolts() + MUSCLE_MICROVOLTS * noise.nextGaussian());
            }
        }
        for (Pop p : pops) {
            if (p.channel() != c || p.start() >= pieceEnd) {
                continue;
            }
            long from = StrictMath.max(pieceStart, p.start());
            long to = StrictMath.min(pieceEnd, p.end());
            for (long n = from; n < to; n++) {
                x[(int) (n - pieceStart)] += p.microvolts() * StrictMath.exp(-(n - p.start()) / p.decaySamples());
            }
        }
    }
}
