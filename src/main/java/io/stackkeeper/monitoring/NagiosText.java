package io.stackkeeper.monitoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Nagios plugin format: {@code STATUS - message | 'label'=value[UOM];warn;crit;min;max ...}, values in base
 * units and never in scientific notation, labels quoted and without {@code '} or {@code =}.
 */
final class NagiosText {

    private NagiosText() {
    }

    static String of(String probe, ProbeOutcome outcome, Thresholds thresholds) {
        String message = outcome.message().isBlank() ? probe : probe + ": " + outcome.message();
        List<Measure> measures = outcome.measures();
        String perfdata = measures.isEmpty() ? "" : " | " + measures.stream()
                .map(m -> perfdata(m, m == measures.get(0) ? thresholds : null)).collect(Collectors.joining(" "));
        return outcome.state().name() + " - " + message.replace('|', '/') + perfdata + "\n";
    }

    private static String perfdata(Measure measure, Thresholds thresholds) {
        String label = measure.label().replace("'", "").replace("=", "_");
        String unit = switch (measure.unit()) {
            case "s", "%", "B", "c" -> measure.unit();
            default -> "";
        };
        String warn = thresholds == null || thresholds.warning() == null ? "" : thresholds.warning().toString();
        String crit = thresholds == null || thresholds.critical() == null ? "" : thresholds.critical().toString();
        String min = unit.equals("%") ? "0" : "";
        String max = unit.equals("%") ? "100" : "";
        return "'" + label + "'=" + plain(measure.value()) + unit + ";" + warn + ";" + crit + ";" + min + ";" + max;
    }

    /** A number without exponent, trailing zeros cut: {@code 0.000123}, {@code 1500000}, {@code 12.5}. */
    static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "U";
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
