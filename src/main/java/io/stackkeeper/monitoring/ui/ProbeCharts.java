package io.stackkeeper.monitoring.ui;

import io.stackkeeper.base.ui.SvgText;
import io.stackkeeper.monitoring.MaintenanceView;
import io.stackkeeper.monitoring.NagiosRange;
import io.stackkeeper.monitoring.ProbeOutcome;
import io.stackkeeper.monitoring.ResultPoint;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The monitoring pages' pictures as SVG markup drawn on the server (no chart library, no frontend build): the
 * heartbeat bar of the last runs, a latency sparkline, and a probe's chart over a range with its thresholds and a
 * state timeline under it.
 */
final class ProbeCharts {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 200;
    private static final int PAD = 36;

    private ProbeCharts() {
    }

    /** One bar per run, oldest left, coloured by state; empty slots stay grey. */
    static String heartbeat(List<ProbeOutcome> runs, int slots) {
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' class='sk-heartbeat' role='img' viewBox='0 0 "
                + slots * 6 + " 16' aria-label='last " + runs.size() + " runs'>");
        int offset = slots - runs.size();
        for (int i = 0; i < slots; i++) {
            String state = i < offset ? "none" : runs.get(i - offset).state().name().toLowerCase();
            svg.append("<rect x='").append(i * 6).append("' y='0' width='4' height='16' rx='1' class='sk-beat-").append(state).append("'/>");
        }
        return svg.append("</svg>").toString();
    }

    /** The latency of the last runs as a line. */
    static String sparkline(List<ProbeOutcome> runs) {
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' class='sk-sparkline' role='img' viewBox='0 0 120 24'"
                + " aria-label='latency'>");
        if (runs.size() >= 2) {
            double max = Math.max(1, runs.stream().mapToLong(ProbeOutcome::latencyMillis).max().orElse(1));
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < runs.size(); i++) {
                double x = 120.0 * i / (runs.size() - 1);
                double y = 22 - runs.get(i).latencyMillis() / max * 20;
                path.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            }
            svg.append("<path d='").append(path).append("' class='sk-chart-line'/>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * A probe's value (or latency, when it measures none) over the range, the thresholds drawn as dashed lines, the
     * maintenance windows as shaded bands behind it, and a strip of states under the plot.
     */
    static String chart(String title, List<ResultPoint> points, Instant from, Instant to, boolean latency, NagiosRange warning,
            NagiosRange critical, List<MaintenanceView> windows) {
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' class='sk-chart sk-probe-chart' role='img' viewBox='0 0 "
                + WIDTH + " " + HEIGHT + "' aria-label='" + SvgText.escape(title) + "'>");
        svg.append("<text x='").append(PAD).append("' y='14' class='sk-chart-title'>").append(SvgText.escape(title)).append("</text>");
        maintenance(svg, windows, from, to);
        if (points.isEmpty()) {
            svg.append("<text x='").append(PAD).append("' y='").append(HEIGHT / 2).append("' class='sk-chart-empty'>")
                    .append("No results in this range yet.</text></svg>");
            return svg.toString();
        }
        double max = points.stream().mapToDouble(p -> value(p, latency)).filter(v -> !Double.isNaN(v)).max().orElse(1);
        for (NagiosRange range : new NagiosRange[] {warning, critical}) {
            if (range != null) {
                max = Math.max(max, finite(range.start()));
                max = Math.max(max, finite(range.end()));
            }
        }
        max = max <= 0 ? 1 : max * 1.1;
        double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        int plotWidth = WIDTH - 2 * PAD;
        int plotHeight = HEIGHT - 2 * PAD - 14;
        StringBuilder line = new StringBuilder();
        boolean first = true;
        for (int i = 0; i < points.size(); i++) {
            ResultPoint p = points.get(i);
            double x = x(p.at(), from, span, plotWidth);
            double until = i + 1 < points.size() ? x(points.get(i + 1).at(), from, span, plotWidth) : PAD + plotWidth;
            svg.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%d' width='%.1f' height='8' class='sk-beat-%s'/>", x, HEIGHT - PAD,
                    Math.max(1.5, until - x), p.state().name().toLowerCase()));
            double v = value(p, latency);
            if (Double.isNaN(v)) {
                continue;
            }
            double y = PAD + plotHeight - v / max * plotHeight;
            line.append(first ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            svg.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='2' class='sk-chart-point'/>", x, y));
            first = false;
        }
        svg.append("<path d='").append(line).append("' class='sk-chart-line'/>");
        threshold(svg, warning, max, plotHeight, "sk-threshold-warning");
        threshold(svg, critical, max, plotHeight, "sk-threshold-critical");
        svg.append("<line x1='").append(PAD).append("' y1='").append(PAD + plotHeight).append("' x2='").append(WIDTH - PAD).append("' y2='")
                .append(PAD + plotHeight).append("' class='sk-chart-axis'/>");
        svg.append("<text x='").append(WIDTH - PAD).append("' y='14' text-anchor='end' class='sk-chart-label'>max ")
                .append(SvgText.escape(String.format(Locale.ROOT, "%.3g", max / 1.1))).append(latency ? " ms" : "").append("</text>");
        return svg.append("</svg>").toString();
    }

    private static void maintenance(StringBuilder svg, List<MaintenanceView> windows, Instant from, Instant to) {
        double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        int plotWidth = WIDTH - 2 * PAD;
        for (MaintenanceView w : windows) {
            double start = x(w.startsAt(), from, span, plotWidth);
            double end = x(w.endsAt() == null ? to : w.endsAt(), from, span, plotWidth);
            svg.append(String.format(Locale.ROOT, "<rect x='%.1f' y='%d' width='%.1f' height='%d' class='sk-maintenance-band'><title>", start,
                    PAD - 14, Math.max(2, end - start), HEIGHT - 2 * PAD + 14)).append(SvgText.escape("Maintenance: " + w.reason()))
                    .append("</title></rect>");
            svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' class='sk-chart-label sk-maintenance-label'>maintenance</text>",
                    start + 3, PAD - 4));
        }
    }

    private static double x(Instant at, Instant from, double span, int plotWidth) {
        return PAD + Math.max(0, Math.min(1, (at.toEpochMilli() - from.toEpochMilli()) / span)) * plotWidth;
    }

    private static void threshold(StringBuilder svg, NagiosRange range, double max, int plotHeight, String kind) {
        if (range == null) {
            return;
        }
        for (double bound : new double[] {range.start(), range.end()}) {
            if (Double.isInfinite(bound) || bound == 0 && !range.inside() && range.start() == 0 && bound == range.start()) {
                continue;
            }
            double y = PAD + plotHeight - bound / max * plotHeight;
            svg.append(String.format(Locale.ROOT, "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' class='%s'/>", PAD, y, WIDTH - PAD, y, kind));
        }
    }

    private static double value(ResultPoint p, boolean latency) {
        return latency ? p.latencyMillis() : p.value() == null ? Double.NaN : p.value();
    }

    private static double finite(double value) {
        return Double.isInfinite(value) ? 0 : value;
    }
}
