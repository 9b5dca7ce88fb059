package org.naoyu.speller.bench;

/** One line of the budget: what, the limit, what was measured, and whether it held. */
public record BudgetLine(String line, double limit, double measured, boolean met) {
}
