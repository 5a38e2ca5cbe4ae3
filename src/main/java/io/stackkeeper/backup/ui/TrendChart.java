package io.stackkeeper.backup.ui;

import io.stackkeeper.base.ui.SvgText;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A small line chart rendered on the server as SVG markup: no chart library, no frontend build. Points are drawn
 * oldest left, newest right, scaled to the largest value.
 */
final class TrendChart {

    private static final int WIDTH = 520;
    private static final int HEIGHT = 140;
    private static final int PAD = 28;

    private TrendChart() {
    }

    static <T> String svg(String title, List<T> points, Function<T, Double> value, Function<Double, String> label) {
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' class='sk-chart' role='img' viewBox='0 0 "
                + WIDTH + " " + HEIGHT + "' aria-label='" + SvgText.escape(title) + "'>");
        svg.append("<text x='").append(PAD).append("' y='14' class='sk-chart-title'>").append(SvgText.escape(title)).append("</text>");
        if (points.size() < 2) {
            svg.append("<text x='").append(PAD).append("' y='").append(HEIGHT / 2).append("' class='sk-chart-empty'>")
                    .append("Two successful backups are needed for a trend.</text></svg>");
            return svg.toString();
        }
        double max = points.stream().map(value).mapToDouble(Double::doubleValue).max().orElse(1);
        max = max <= 0 ? 1 : max;
        int plotWidth = WIDTH - 2 * PAD;
        int plotHeight = HEIGHT - 2 * PAD;
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double x = PAD + (double) i * plotWidth / (points.size() - 1);
            double y = PAD + plotHeight - value.apply(points.get(i)) / max * plotHeight;
            line.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            svg.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='2.5' class='sk-chart-point'/>", x, y));
        }
        svg.append("<path d='").append(line).append("' class='sk-chart-line'/>");
        svg.append("<line x1='").append(PAD).append("' y1='").append(HEIGHT - PAD).append("' x2='").append(WIDTH - PAD).append("' y2='")
                .append(HEIGHT - PAD).append("' class='sk-chart-axis'/>");
        svg.append("<text x='").append(WIDTH - PAD).append("' y='14' text-anchor='end' class='sk-chart-label'>max ")
                .append(SvgText.escape(label.apply(max))).append("</text>");
        return svg.append("</svg>").toString();
    }
}
