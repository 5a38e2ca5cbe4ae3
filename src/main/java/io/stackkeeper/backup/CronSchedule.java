package io.stackkeeper.backup;

import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A plan's schedule in Quartz cron syntax ({@code sec min hour day-of-month month day-of-week [year]}), evaluated in
 * UTC, with the next run times and a description in words for the common shapes.
 */
public record CronSchedule(String expression) {

    public CronSchedule {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("Enter a schedule, e.g. '0 0 2 * * ?' for every day at 02:00.");
        }
        expression = expression.strip().replaceAll("\\s+", " ");
        try {
            CronExpression.validateExpression(expression);
        } catch (ParseException e) {
            throw new IllegalArgumentException("'" + expression + "' is not a valid Quartz cron expression: " + e.getMessage()
                    + ". Fields: second minute hour day-of-month month day-of-week, e.g. '0 0 2 * * ?'.");
        }
    }

    /** The next {@code count} run times after {@code from}. */
    public List<Instant> nextRuns(Instant from, int count) {
        CronExpression cron = parsed();
        List<Instant> runs = new ArrayList<>();
        Date next = Date.from(from);
        for (int i = 0; i < count; i++) {
            next = cron.getNextValidTimeAfter(next);
            if (next == null) {
                break;
            }
            runs.add(next.toInstant());
        }
        return runs;
    }

    /** The schedule in words for the usual shapes (daily, weekly, monthly, hourly), else the expression itself. */
    public String inWords() {
        String[] f = expression.split(" ");
        boolean anyDayOfMonth = f[3].equals("*") || f[3].equals("?");
        boolean anyDayOfWeek = f[5].equals("*") || f[5].equals("?");
        boolean fixedMinute = f[0].matches("\\d+") && f[1].matches("\\d+") && f[4].equals("*");
        if (fixedMinute && f[2].matches("\\d+")) {
            String at = String.format(" at %02d:%02d UTC", Integer.parseInt(f[2]), Integer.parseInt(f[1]));
            if (anyDayOfMonth && anyDayOfWeek) {
                return "every day" + at;
            }
            if (f[3].equals("?") && f[5].matches("(?i)MON-FRI|2-6")) {
                return "every weekday" + at;
            }
            if (f[3].equals("?") && f[5].matches("[A-Za-z]{3}|[1-7]")) {
                return "every " + dayName(f[5]) + at;
            }
            if (f[3].matches("\\d+") && anyDayOfWeek) {
                return "on day " + f[3] + " of every month" + at;
            }
        }
        if (fixedMinute && anyDayOfMonth && anyDayOfWeek && f[2].equals("*")) {
            return "every hour at minute " + Integer.parseInt(f[1]) + " UTC";
        }
        if (fixedMinute && anyDayOfMonth && anyDayOfWeek && f[2].matches("\\*/\\d+")) {
            return "every " + f[2].substring(2) + " hours at minute " + Integer.parseInt(f[1]) + " UTC";
        }
        return "cron " + expression + " (UTC)";
    }

    private static String dayName(String field) {
        DayOfWeek day = field.matches("[1-7]")
                ? DayOfWeek.SUNDAY.plus(Integer.parseInt(field) - 1L)
                : List.of(DayOfWeek.values()).stream()
                        .filter(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(field)).findFirst().orElseThrow();
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private CronExpression parsed() {
        try {
            CronExpression cron = new CronExpression(expression);
            cron.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
            return cron;
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
