package org.naoyu.speller.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The reports' charts as static SVG, drawn by hand so that a report is one self-contained file that opens offline and
 * prints as vectors, and so that the same numbers always give the same bytes (ReportSvgTest holds golden files).
 */
public final class ReportSvg {
    private static final String RED = "#c0392b";

    private ReportSvg() {
    }

    /** One line of a {@link #lines} chart. */
    public record Line(String name, String color, double[] x, double[] y) {
    }

    /** A heat map of {@code counts[row][column]} normalised per row, with labels; rows are truths, columns guesses. */
    static String confusion(List<String> labels, int[][] counts) {
        int n = labels.size();
        int cell = Math.max(6, Math.min(28, 560 / Math.max(1, n)));
        int margin = 70;
        int size = margin + n * cell + 10;
        StringBuilder svg = open(size, size, Math.min(11, cell));
        for (int r = 0; r < n; r++) {
            confusionRow(svg, labels, r, counts[r], cell, margin);
            if (cell >= 8) {
                rowAndColumnLabel(svg, labels.get(r), margin + r * cell + cell - 2, margin - 4);
            }
        }
        svg.append("<text x=\"4\" y=\"14\">rows: said; columns: decoded</text>");
        return close(svg);
    }

    private static void confusionRow(StringBuilder svg, List<String> labels, int r, int[] row, int cell, int margin) {
        int total = Arrays.stream(row).sum();
        for (int c = 0; c < row.length; c++) {
            double share = total == 0 ? 0 : row[c] / (double) total;
            int shade = (int) Math.round(255 * (1 - share));
            svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"rgb(%d,%d,255)\"><title>%s as "
                    + "%s: %d of %d</title></rect>", margin + c * cell, margin + r * cell, cell - 1, cell - 1, shade,
                    shade, escape(labels.get(r)), escape(labels.get(c)), row[c], total));
        }
    }

    /** A label left of its row at height {@code along}, and the same label above its column at {@code along}. */
    private static void rowAndColumnLabel(StringBuilder svg, String label, int along, int edge) {
        svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", edge, along, escape(label)));
        svg.append(format("<text x=\"%d\" y=\"%d\" transform=\"rotate(-90 %d %d)\">%s</text>", along, edge, along,
                edge, escape(label)));
    }

    /** Horizontal bars of values in [0, 1] with labels, and a dashed line at {@code reference} (e.g. chance). */
    static String bars(List<String> labels, double[] values, double reference) {
        int row = 16;
        int width = 600;
        int left = 70;
        int height = labels.size() * row + 30;
        double scale = width - left - 50;
        StringBuilder svg = open(width, height, 11);
        for (int i = 0; i < labels.size(); i++) {
            bar(svg, labels.get(i), values[i], left, 20 + i * row, row - 3, scale);
        }
        double x = left + reference * scale;
        svg.append(format("<line x1=\"%.1f\" y1=\"14\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-dasharray=\"4,3\"/>"
                + "<text x=\"%.1f\" y=\"11\" fill=\"%s\">chance</text>", x, x, height - 4, RED, x + 2, RED));
        return close(svg);
    }

    private static void bar(StringBuilder svg, String label, double value, int left, int y, int thickness,
            double scale) {
        double v = Double.isNaN(value) ? 0 : value;
        svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" "
                + "height=\"%d\" fill=\"#2e86c1\"/><text x=\"%.1f\" y=\"%d\">%s</text>", left - 4, y + 11,
                escape(label), left, y, v * scale, thickness, left + v * scale + 4, y + 11,
                Double.isNaN(value) ? "-" : format("%.2f", v)));
    }

    /**
     * A line chart with point markers, axes from 0 to the largest x and from 0 to 1 in y, a legend, and a dashed line
     * at {@code reference} (e.g. chance).
     */
    public static String lines(String xTitle, String yTitle, List<Line> lines, double reference) {
        return lines(xTitle, yTitle, lines, 1, reference, "chance");
    }

    /**
     * A line chart with y from 0 to {@code maxY} (values above are drawn at the top), and a dashed line labelled
     * {@code referenceLabel} at {@code reference} (none when it is 0 or less): a budget, a target.
     */
    public static String lines(String xTitle, String yTitle, List<Line> lines, double maxY, double reference,
            String referenceLabel) {
        double maxX = lines.stream().flatMapToDouble(l -> Arrays.stream(l.x())).max().orElse(1);
        Plot plot = new Plot(600, 320, 60, 20, 20, 50, maxX, maxY);
        StringBuilder svg = open(plot.width(), plot.height(), 11);
        yGrid(svg, plot);
        xTicks(svg, plot);
        axes(svg, plot, xTitle, yTitle);
        if (reference > 0) {
            referenceLine(svg, plot, reference, referenceLabel);
        }
        for (int l = 0; l < lines.size(); l++) {
            series(svg, plot, lines.get(l));
            legendEntry(svg, plot, l, lines.get(l));
        }
        return close(svg);
    }

    /** The drawing area of a line chart inside its margins, and data coordinates to picture coordinates. */
    private record Plot(int width, int height, int left, int right, int top, int bottom, double maxX, double maxY) {
        double plotWidth() {
            return width - left - right;
        }

        double plotHeight() {
            return height - top - bottom;
        }

        double x(double x) {
            return left + plotWidth() * x / Math.max(1e-9, maxX);
        }

        /** Values above {@code maxY} at the top, below 0 at the bottom. */
        double y(double y) {
            return top + plotHeight() * (1 - Math.max(0, Math.min(1, y / maxY)));
        }
    }

    private static void yGrid(StringBuilder svg, Plot plot) {
        for (int k = 0; k <= 5; k++) {
            double y = plot.maxY() * k / 5.0;
            svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" "
                    + "y=\"%.1f\" text-anchor=\"end\">%s</text>", plot.left(), plot.y(y), plot.width() - plot.right(),
                    plot.y(y), plot.left() - 4, plot.y(y) + 4,
                    plot.maxY() == 1 ? format("%.1f", y) : trim(Math.round(y * 100) / 100.0)));
        }
    }

    private static void xTicks(StringBuilder svg, Plot plot) {
        int axis = plot.height() - plot.bottom();
        for (double x : ticks(plot.maxX())) {
            svg.append(format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/><text x=\"%.1f\" "
                    + "y=\"%d\" text-anchor=\"middle\">%s</text>", plot.x(x), axis, plot.x(x), axis + 4, plot.x(x),
                    axis + 16, trim(x)));
        }
    }

    private static void axes(StringBuilder svg, Plot plot, String xTitle, String yTitle) {
        int axis = plot.height() - plot.bottom();
        svg.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/><line x1=\"%d\" y1=\"%d\" "
                + "x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", plot.left(), plot.top(), plot.left(), axis, plot.left(),
                axis, plot.width() - plot.right(), axis));
        double middle = plot.top() + plot.plotHeight() / 2;
        svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text><text x=\"14\" y=\"%.1f\" "
                + "text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>", plot.left()
                + plot.plotWidth() / 2, plot.height() - 12, escape(xTitle), middle, middle, escape(yTitle)));
    }

    private static void referenceLine(StringBuilder svg, Plot plot, double reference, String label) {
        int end = plot.width() - plot.right();
        svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"4,3\"/>"
                + "<text x=\"%d\" y=\"%.1f\" fill=\"%s\">%s</text>", plot.left(), plot.y(reference), end,
                plot.y(reference), RED, end - 4 - 6 * label.length(), plot.y(reference) - 3, RED, escape(label)));
    }

    private static void series(StringBuilder svg, Plot plot, Line line) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < line.x().length; i++) {
            points.append(format("%.1f,%.1f ", plot.x(line.x()[i]), plot.y(line.y()[i])));
        }
        svg.append(format("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>",
                points.toString().strip(), line.color()));
        for (int i = 0; i < line.x().length; i++) {
            svg.append(format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s: %s, %.3f</title>"
                    + "</circle>", plot.x(line.x()[i]), plot.y(line.y()[i]), line.color(), escape(line.name()),
                    trim(line.x()[i]), line.y()[i]));
        }
    }

    private static void legendEntry(StringBuilder svg, Plot plot, int index, Line line) {
        svg.append(format("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s"
                + "</text>", plot.left() + 12, plot.top() + 8 + 16 * index, line.color(), plot.left() + 28,
                plot.top() + 13 + 16 * index, escape(line.name())));
    }

    /**
     * A strip of the onset detector at work: the speech probability over time, the attempts as shaded spans, the
     * threshold dashed, and a tick where each onset was declared.
     */
    static String onsetStrip(double[] times, double[] probability, List<double[]> spans, double[] detections,
            double threshold) {
        if (times.length == 0) {
            return "<p>(no frames)</p>";
        }
        Strip strip = new Strip(860, 140, 40, 10, 100, times[0], times[times.length - 1]);
        StringBuilder svg = open(strip.width(), strip.height(), 11);
        spans.forEach(span -> attemptSpan(svg, strip, span));
        probabilityLine(svg, strip, times, probability);
        svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"4,3\"/>",
                strip.left(), strip.y(threshold), strip.width() - 10, strip.y(threshold), RED));
        for (double d : detections) {
            if (strip.shows(d)) {
                svg.append(format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#117a65\" "
                        + "stroke-width=\"2\"/>", strip.x(d), strip.bottom(), strip.x(d), strip.bottom() + 10));
            }
        }
        stripLabels(svg, strip);
        return close(svg);
    }

    /** The onset strip's drawing area, from {@code t0} to {@code t1} seconds and probability 0 to 1. */
    private record Strip(int width, int height, int left, int top, int plotHeight, double t0, double t1) {
        double scale() {
            return (width - left - 10) / Math.max(1e-9, t1 - t0);
        }

        double x(double seconds) {
            return left + (seconds - t0) * scale();
        }

        double y(double probability) {
            return top + plotHeight * (1 - probability);
        }

        int bottom() {
            return top + plotHeight;
        }

        boolean shows(double seconds) {
            return seconds >= t0 && seconds <= t1;
        }
    }

    private static void attemptSpan(StringBuilder svg, Strip strip, double[] span) {
        if (span[1] >= strip.t0() && span[0] <= strip.t1()) {
            double a = strip.x(Math.max(strip.t0(), span[0]));
            double b = strip.x(Math.min(strip.t1(), span[1]));
            svg.append(format("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#f5b041\" "
                    + "fill-opacity=\"0.45\"/>", a, strip.top(), Math.max(2, b - a), strip.plotHeight()));
        }
    }

    /** At most about 2000 points: a minute at 100 frames a second is thinned to every third frame. */
    private static void probabilityLine(StringBuilder svg, Strip strip, double[] times, double[] probability) {
        StringBuilder points = new StringBuilder();
        int step = Math.max(1, times.length / 2000);
        for (int i = 0; i < times.length; i += step) {
            double p = Double.isFinite(probability[i]) ? probability[i] : 0;
            points.append(format("%.1f,%.1f ", strip.x(times[i]), strip.y(p)));
        }
        svg.append(format("<polyline points=\"%s\" fill=\"none\" stroke=\"#2e86c1\"/>", points.toString().strip()));
    }

    private static void stripLabels(StringBuilder svg, Strip strip) {
        svg.append(format("<text x=\"%d\" y=\"%d\">%d s</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d s</text>"
                + "<text x=\"2\" y=\"%d\">p=1</text><text x=\"2\" y=\"%d\">p=0</text>", strip.left(),
                strip.height() - 4, Math.round(strip.t0()), strip.width() - 10, strip.height() - 4,
                Math.round(strip.t1()), strip.top() + 10, strip.bottom()));
    }

    private static StringBuilder open(int width, int height, int fontSize) {
        return new StringBuilder(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"%d\">", width, height, fontSize));
    }

    private static String close(StringBuilder svg) {
        return svg.append("</svg>").toString();
    }

    /** Round steps (1, 2 or 5 times a power of ten) from 0 to at most {@code max}. */
    private static double[] ticks(double max) {
        double step = Math.pow(10, Math.floor(Math.log10(Math.max(1e-9, max / 2))));
        if (max / step > 10) {
            step *= 5;
        } else if (max / step > 5) {
            step *= 2;
        }
        int n = (int) Math.floor(max / step + 1e-9);
        double[] ticks = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            ticks[i] = i * step;
        }
        return ticks;
    }

    private static String trim(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : format("%.2f", x);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
