package io.stackkeeper.backup;

/**
 * Which backup sets to keep, with the meaning of {@code restic forget}: {@code keepDaily 7} keeps the newest set of
 * each of the 7 most recent days that have a set; weeks are ISO weeks; all in UTC; {@code keepLast 3} keeps the 3
 * newest sets. A set kept by any rule stays. Zero means the rule is off.
 */
public record RetentionPolicy(int keepLast, int keepHourly, int keepDaily, int keepWeekly, int keepMonthly, int keepYearly) {

    public RetentionPolicy {
        if (keepLast < 0 || keepHourly < 0 || keepDaily < 0 || keepWeekly < 0 || keepMonthly < 0 || keepYearly < 0) {
            throw new IllegalArgumentException("Retention counts cannot be negative.");
        }
        if (keepLast + keepHourly + keepDaily + keepWeekly + keepMonthly + keepYearly == 0) {
            throw new IllegalArgumentException("A retention policy needs at least one keep rule, or it would remove every set.");
        }
    }

    /** The default plan's policy: a week of days, a month of weeks, half a year of months. */
    public static RetentionPolicy standard() {
        return new RetentionPolicy(0, 0, 7, 4, 6, 0);
    }
}
