/**
 * The real-time budget's measuring machinery (docs/BUDGET.md), without the command line: {@link
 * org.naoyu.speller.bench.Bench} measures the pipeline at a channel count on a briefly trained model of that shape,
 * {@link org.naoyu.speller.bench.RealTimeRun} live through LSL on loopback into an online session with its web
 * server and one page listening, {@link org.naoyu.speller.bench.FastestRun} in-process as fast as possible;
 * {@link org.naoyu.speller.bench.GcPauses} counts the collector's pauses from the flight recorder. The results are
 * records ({@link org.naoyu.speller.bench.Measurement} with its {@link org.naoyu.speller.bench.RealTime}, {@link
 * org.naoyu.speller.bench.AsFastAsPossible} and {@link org.naoyu.speller.bench.Stage}s), {@link
 * org.naoyu.speller.bench.Budget} holds the limits and checks them into {@link
 * org.naoyu.speller.bench.BudgetLine}s, and {@link org.naoyu.speller.bench.BenchResult} is a whole bench, written as
 * JSON with Jackson.
 *
 * <p>Imports the session, web, launch and training packages; never the command line or the reports, which use it.
 */
package org.naoyu.speller.bench;
