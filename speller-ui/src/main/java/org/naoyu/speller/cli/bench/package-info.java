/**
 * {@code naoyu bench}: measures the real-time budget on the simulator and exits 3 when a line is missed, so a
 * release can be gated on it. {@link org.naoyu.speller.cli.bench.BenchCommand} holds the options and their checks,
 * asks {@link org.naoyu.speller.bench.Bench} for the measurements (the main channel count, the sweep for
 * {@code --report}, the largest grid), {@link org.naoyu.speller.bench.Budget} for the budget's lines, and prints a
 * {@link org.naoyu.speller.bench.BenchResult} as text or as JSON; {@code --report} writes the sweep's plots with
 * {@link org.naoyu.speller.report.BenchReport}.
 */
package org.naoyu.speller.cli.bench;
