package org.naoyu.speller;

import java.util.List;
import java.util.Locale;

/** Small SVG pictures for HTML reports, drawn by hand: no plotting library, nothing fetched from the network. */
final class ReportSvg {
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

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
