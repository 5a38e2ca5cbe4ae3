package io.stackkeeper.logs;

/**
 * Whether an hour may hold a line that a query matches, from its {@link HourSummary} alone. "No" must be certain
 * (the search skips the hour), so every term that the summary cannot answer is "maybe":
 * <ul>
 * <li>the page's least level and {@code level} terms: the count of lines at those levels;</li>
 * <li>{@code name:value}: the Bloom filter's {@code name:value} (for a logger name also {@code logger:value});
 * {@code name:*} and {@code name:prefix*}: the field's presence; {@code container:value}: the container token;
 * {@code message:value}: the value's trigrams;</li>
 * <li>a word or phrase of three chars or more: each of its trigrams somewhere in the hour's texts;</li>
 * <li>patterns, negated terms, shorter words and values with surrogate chars: maybe.</li>
 * </ul>
 */
final class SummaryCheck {

    private SummaryCheck() {
    }

    static boolean mayMatch(HourSummary summary, LogQuery query) {
        if (summary.isEmpty()) {
            return false;
        }
        if (query.minLevel() != null && summary.linesAtLevels(query.minLevel(), LogLevel.FATAL) == 0) {
            return false;
        }
        for (QueryTerm term : query.terms()) {
            if (!mayMatch(summary, term)) {
                return false;
            }
        }
        return true;
    }

    private static boolean mayMatch(HourSummary summary, QueryTerm term) {
        if (term instanceof QueryTerm.Level level) {
            return summary.linesAtLevels(level.lowest(), level.highest()) > 0;
        }
        if (term instanceof QueryTerm.Text text) {
            return hasTrigramsOf(summary, text.needle());
        }
        if (term instanceof QueryTerm.Field field) {
            return mayMatch(summary, field);
        }
        return true; // a pattern or a negated term
    }

    private static boolean mayMatch(HourSummary summary, QueryTerm.Field field) {
        String name = field.name();
        String value = field.value();
        if (CaseFold.hasSurrogate(value)) {
            return true;
        }
        if (name.equals("container")) {
            return field.prefix() || summary.tokens.mightContain("container:" + CaseFold.fold(value));
        }
        JsonLineReader.Role role = JsonLineReader.Role.of(name);
        if (role == JsonLineReader.Role.MESSAGE) {
            return hasTrigramsOf(summary, value);
        }
        String key = CaseFold.fold(name);
        boolean logger = role == JsonLineReader.Role.LOGGER;
        if (field.prefix()) {
            return summary.tokens.mightContain(HourSummary.PRESENT + key)
                    || logger && summary.tokens.mightContain(HourSummary.PRESENT + "logger");
        }
        String folded = CaseFold.fold(value);
        return summary.tokens.mightContain(key + ':' + folded)
                || logger && summary.tokens.mightContain("logger:" + folded);
    }

    /** Whether every trigram of the text occurs in the hour; true for texts too short to have one. */
    private static boolean hasTrigramsOf(HourSummary summary, String text) {
        if (text.length() < 3 || CaseFold.hasSurrogate(text)) {
            return true;
        }
        String folded = CaseFold.fold(text);
        for (int i = 2; i < folded.length(); i++) {
            if (!summary.hasTrigram(folded.charAt(i - 2), folded.charAt(i - 1), folded.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
