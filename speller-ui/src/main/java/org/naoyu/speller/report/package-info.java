/**
 * The HTML reports of {@code naoyu evaluate --report} ({@link org.naoyu.speller.report.EvaluationReport}) and
 * {@code naoyu bench --report} ({@link org.naoyu.speller.report.BenchReport}), and their charts
 * ({@link org.naoyu.speller.report.ReportSvg}, also {@code naoyu lm-eval --curve}).
 *
 * <p>Each page is a Mustache template among this package's resources ({@code *.html.mustache}), filled from records
 * whose numbers are already formatted; the template escapes text, and only the charts, static SVG drawn by
 * {@code ReportSvg} and pinned by golden files, go in unescaped. A report is one file with no external references:
 * it opens offline, holds no script, and prints as vectors.
 */
package org.naoyu.speller.report;
