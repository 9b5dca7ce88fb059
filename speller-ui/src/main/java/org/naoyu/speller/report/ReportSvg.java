package org.naoyu.speller.report;

import java.util.List;
import java.util.Locale;

/** Small SVG pictures for HTML reports, drawn by hand: no plotting library, nothing fetched from the network. */
public final class ReportSvg {
    private ReportSvg() {
    }

    /** A heat map of {@code counts[row][column]} normalised per row, with labels; rows are truths, columns guesses. */
    static String confusion(List<String> labels, int[][] counts) {
        int n = labels.size();
        int cell = Math.max(6, Math.min(28, 560 / Math.max(1, n)));
        int margin = 70;
        int size = margin + n * cell + 10;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"%d\">", size, size, Math.min(11, cell)));
        for (int r = 0; r < n; r++) {
            int total = 0;
            for (int c = 0; c < n; c++) {
                total += counts[r][c];
            }
            for (int c = 0; c < n; c++) {
                double share = total == 0 ? 0 : counts[r][c] / (double) total;
                int shade = (int) Math.round(255 * (1 - share));
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                        + "fill=\"rgb(%d,%d,255)\"><title>%s as %s: %d of %d</title></rect>", margin + c * cell,
                        margin + r * cell, cell - 1, cell - 1, shade, shade, escape(labels.get(r)),
                        escape(labels.get(c)), counts[r][c], total));
            }
            if (cell >= 8) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                        margin - 4, margin + r * cell + cell - 2, escape(labels.get(r))));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" transform=\"rotate(-90 %d %d)\">%s"
                        + "</text>", margin + r * cell + cell - 2, margin - 4, margin + r * cell + cell - 2,
                        margin - 4, escape(labels.get(r))));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"14\">rows: said; columns: decoded</text>"));
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars of values in [0, 1] with labels, and a dashed line at {@code reference} (e.g. chance). */
    static String bars(List<String> labels, double[] values, double reference) {
        int row = 16;
        int width = 600;
        int left = 70;
        int height = labels.size() * row + 30;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"11\">", width, height));
        double scale = width - left - 50;
        for (int i = 0; i < labels.size(); i++) {
            double v = Double.isNaN(values[i]) ? 0 : values[i];
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                    + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#2e86c1\"/>"
                    + "<text x=\"%.1f\" y=\"%d\">%s</text>", left - 4, 20 + i * row + 11, escape(labels.get(i)), left,
                    20 + i * row, v * scale, row - 3, left + v * scale + 4, 20 + i * row + 11,
                    Double.isNaN(values[i]) ? "-" : String.format(Locale.ROOT, "%.2f", v)));
        }
        double x = left + reference * scale;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"14\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c0392b\" "
                + "stroke-dasharray=\"4,3\"/><text x=\"%.1f\" y=\"11\" fill=\"#c0392b\">chance</text>", x, x,
                height - 4, x + 2));
        return svg.append("</svg>").toString();
    }

    /** One line of a {@link #lines} chart. */
    public record Line(String name, String color, double[] x, double[] y) {
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
        int width = 600;
        int height = 320;
        int left = 60;
        int right = 20;
        int top = 20;
        int bottom = 50;
        double maxX = lines.stream().flatMapToDouble(l -> java.util.Arrays.stream(l.x())).max().orElse(1);
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        java.util.function.DoubleUnaryOperator px = x -> left + plotW * x / Math.max(1e-9, maxX);
        java.util.function.DoubleUnaryOperator py = y -> top + plotH * (1 - Math.max(0, Math.min(1, y / maxY)));
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"11\">", width, height));
        for (int k = 0; k <= 5; k++) {
            double y = maxY * k / 5.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left, py.applyAsDouble(y),
                    width - right, py.applyAsDouble(y), left - 4, py.applyAsDouble(y) + 4,
                    maxY == 1 ? String.format(Locale.ROOT, "%.1f", y) : trim(Math.round(y * 100) / 100.0)));
        }
        for (double x : ticks(maxX)) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px.applyAsDouble(x),
                    height - bottom, px.applyAsDouble(x), height - bottom + 4, px.applyAsDouble(x),
                    height - bottom + 16, trim(x)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", left, top, left,
                height - bottom, left, height - bottom, width - right, height - bottom));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>"
                + "<text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>",
                left + plotW / 2, height - 12, escape(xTitle), top + plotH / 2, top + plotH / 2, escape(yTitle)));
        if (reference > 0) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#c0392b\" stroke-dasharray=\"4,3\"/><text x=\"%d\" y=\"%.1f\" fill=\"#c0392b\">"
                    + "%s</text>", left, py.applyAsDouble(reference), width - right, py.applyAsDouble(reference),
                    width - right - 4 - 6 * referenceLabel.length(), py.applyAsDouble(reference) - 3,
                    escape(referenceLabel)));
        }
        for (int l = 0; l < lines.size(); l++) {
            Line line = lines.get(l);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < line.x().length; i++) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px.applyAsDouble(line.x()[i]),
                        py.applyAsDouble(line.y()[i])));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/>", points.toString().strip(), line.color()));
            for (int i = 0; i < line.x().length; i++) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\">"
                        + "<title>%s: %s, %.3f</title></circle>", px.applyAsDouble(line.x()[i]),
                        py.applyAsDouble(line.y()[i]), line.color(), escape(line.name()), trim(line.x()[i]),
                        line.y()[i]));
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>", left + 12, top + 8 + 16 * l, line.color(), left + 28,
                    top + 13 + 16 * l, escape(line.name())));
        }
        return svg.append("</svg>").toString();
    }

    /**
     * A strip of the onset detector at work: the speech probability over time, the attempts as shaded spans, the
     * threshold dashed, and a tick where each onset was declared.
     */
    static String onsetStrip(double[] times, double[] probability, List<double[]> spans, double[] detections,
            double threshold) {
        int width = 860;
        int height = 140;
        int left = 40;
        int top = 10;
        int plotH = 100;
        if (times.length == 0) {
            return "<p>(no frames)</p>";
        }
        double t0 = times[0];
        double t1 = times[times.length - 1];
        double scale = (width - left - 10) / Math.max(1e-9, t1 - t0);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"11\">", width, height));
        for (double[] span : spans) {
            if (span[1] >= t0 && span[0] <= t1) {
                double a = left + (Math.max(t0, span[0]) - t0) * scale;
                double b = left + (Math.min(t1, span[1]) - t0) * scale;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                        + "fill=\"#f5b041\" fill-opacity=\"0.45\"/>", a, top, Math.max(2, b - a), plotH));
            }
        }
        StringBuilder points = new StringBuilder();
        int step = Math.max(1, times.length / 2000);
        for (int i = 0; i < times.length; i += step) {
            double p = Double.isFinite(probability[i]) ? probability[i] : 0;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + (times[i] - t0) * scale,
                    top + plotH * (1 - p)));
        }
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"#2e86c1\"/>",
                points.toString().strip()));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c0392b\" "
                + "stroke-dasharray=\"4,3\"/>", left, top + plotH * (1 - threshold), width - 10,
                top + plotH * (1 - threshold)));
        for (double d : detections) {
            if (d >= t0 && d <= t1) {
                double x = left + (d - t0) * scale;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                        + "stroke=\"#117a65\" stroke-width=\"2\"/>", x, top + plotH, x, top + plotH + 10));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%d s</text><text x=\"%d\" y=\"%d\" "
                + "text-anchor=\"end\">%d s</text><text x=\"2\" y=\"%d\">p=1</text><text x=\"2\" y=\"%d\">p=0"
                + "</text>", left, height - 4, Math.round(t0), width - 10, height - 4, Math.round(t1), top + 10,
                top + plotH));
        return svg.append("</svg>").toString();
    }

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
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.2f", x);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
