/**
 * What several commands share, as picocli mixins: {@code --json} ({@link org.naoyu.speller.cli.options.JsonOption}),
 * the LSL scope and timeout ({@link org.naoyu.speller.cli.options.LslOptions}), the simulated signal
 * ({@link org.naoyu.speller.cli.options.SimulatedSignalOptions}), the channel-quality thresholds
 * ({@link org.naoyu.speller.cli.options.QualityThresholdOptions}), how a session is served
 * ({@link org.naoyu.speller.cli.options.ServeOptions}) and {@code -h/--help}. Each mixin checks its values itself, so
 * a refusal names the flag the user typed.
 */
package org.naoyu.speller.cli.options;
