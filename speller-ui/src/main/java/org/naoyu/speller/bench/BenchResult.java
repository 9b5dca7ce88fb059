package org.naoyu.speller.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.naoyu.speller.support.JsonText;

/**
 * A whole bench: the machine, the main measurement, the largest grid's real-time factor, the budget's lines and
 * whether all held, and the sweep over channel counts when there was one. {@link #toJson} is {@code naoyu bench
 * --json}'s output, in the order of the components here (docs/bench/bench-256ch-600s.json).
 */
public record BenchResult(Machine machine, Measurement measurement, LargestGrid largestGridFastest,
        List<BudgetLine> budget, boolean met, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Measurement> sweep) {

    public BenchResult {
        budget = List.copyOf(budget);
        sweep = sweep == null ? List.of() : List.copyOf(sweep);
    }

    /** The bench's result; it met the budget when every line held. */
    public static BenchResult of(Measurement main, LargestGrid largest, List<BudgetLine> budget,
            List<Measurement> sweep) {
        return new BenchResult(Machine.current(), main, largest, budget, budget.stream().allMatch(BudgetLine::met),
                sweep);
    }

    /** Where the bench ran. */
    public record Machine(String java, int cores, String collector, long maxHeapMb) {
        public static Machine current() {
            return new Machine(System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                    GcPauses.collectorNames(), Runtime.getRuntime().maxMemory() / (1 << 20));
        }
    }

    /** The real-time factor as fast as possible at the largest grid that must run in real time. */
    public record LargestGrid(int channels, double realTimeFactor) {
    }

    /** One line of JSON through the application's one JSON path (NaN and infinities as null). */
    public String toJson() {
        return JsonText.line(this);
    }
}
