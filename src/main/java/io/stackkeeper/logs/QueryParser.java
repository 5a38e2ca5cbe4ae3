package io.stackkeeper.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the filter typed above the logs into its terms, the syntax {@link LogQuery} describes, by hand: no regex. */
final class QueryParser {

    static final int MAX_PATTERN = 500;

    private static final Set<String> LEVEL_NAMES = Set.of("level", "lvl", "severity");
    private static final String LEVELS = "use trace, debug, info, warn, error or fatal";

    private final String text;
    private int i;

    private QueryParser(String text) {
        this.text = text;
    }

    static List<QueryTerm> terms(String text) {
        return new QueryParser(text).all();
    }

    /** A token for a message: its first 60 chars. */
    static String shortened(String token) {
        return token.length() <= 60 ? token : token.substring(0, 60) + "\u2026";
    }

    private List<QueryTerm> all() {
        List<QueryTerm> terms = new ArrayList<>();
        while (true) {
            while (i < text.length() && isBlank(text.charAt(i))) {
                i++;
            }
            if (i == text.length()) {
                return terms;
            }
            int start = i;
            boolean negated = text.charAt(i) == '-';
            if (negated && (++i == text.length() || isBlank(text.charAt(i)))) {
                throw refused("-", "a minus needs a term right after it, as in -logger:scheduler");
            }
            QueryTerm term = switch (text.charAt(i)) {
                case '"' -> phrase(start);
                case '/' -> pattern(start);
                default -> word(start);
            };
            terms.add(negated ? new QueryTerm.Not(term) : term);
        }
    }

    private QueryTerm phrase(int start) {
        int close = closingQuote(start, i);
        String phrase = unescaped(text.substring(i + 1, close));
        i = close + 1;
        if (i < text.length() && !isBlank(text.charAt(i))) {
            throw refused(text.substring(start, wordEnd(i)), "put a space after the closing quote");
        }
        if (phrase.isEmpty()) {
            throw refused(text.substring(start, i), "an empty phrase matches every line, leave it out");
        }
        return new QueryTerm.Text(phrase);
    }

    /** {@code /regex/} or {@code /regex/i}: the closing slash is one followed by a blank or the end (or by i). */
    private QueryTerm pattern(int start) {
        int j = i + 1;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '/' && (endsToken(j + 1) || text.charAt(j + 1) == 'i' && endsToken(j + 2))) {
                break;
            }
            j++;
        }
        if (j >= text.length()) {
            throw refused(text.substring(start, wordEnd(i)),
                    "a pattern is written /like this/ (to find a path, quote it: \"/api/x\")");
        }
        String regex = text.substring(i + 1, j);
        boolean ignoreCase = !endsToken(j + 1);
        i = ignoreCase ? j + 2 : j + 1;
        String token = text.substring(start, i);
        if (regex.isEmpty()) {
            throw refused(token, "an empty pattern matches every line, leave it out");
        }
        if (regex.length() > MAX_PATTERN) {
            throw refused(token, "a pattern may have at most " + MAX_PATTERN + " characters, this one has " + regex.length());
        }
        try {
            return new QueryTerm.Regex(Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
        } catch (PatternSyntaxException e) {
            throw refused(token, "not a valid pattern: " + e.getDescription() + " at " + (e.getIndex() + 1));
        }
    }

    private QueryTerm word(int start) {
        int j = i;
        while (j < text.length() && !isBlank(text.charAt(j))) {
            j = text.charAt(j) == '"' ? closingQuote(start, j) + 1 : j + 1;
        }
        String word = text.substring(i, j);
        String token = text.substring(start, j);
        i = j;
        int keyEnd = keyEnd(word);
        if (keyEnd > 0 && keyEnd < word.length() && ":<>".indexOf(word.charAt(keyEnd)) >= 0) {
            String name = word.substring(0, keyEnd);
            String condition = word.substring(keyEnd);
            if (LEVEL_NAMES.contains(name)) {
                return level(token, condition);
            }
            if (condition.charAt(0) != ':') {
                throw refused(token, "only the level can be compared, as in level>=warn");
            }
            if (!condition.startsWith("://")) { // a URL is text
                return field(token, name, condition.substring(1));
            }
        }
        return new QueryTerm.Text(word);
    }

    private QueryTerm level(String token, String condition) {
        String operator = condition.startsWith(">=") || condition.startsWith("<=") ? condition.substring(0, 2)
                : condition.substring(0, 1);
        String name = condition.substring(operator.length());
        if (operator.equals(":") && name.equals("*")) {
            return new QueryTerm.Level(LogLevel.TRACE, LogLevel.FATAL);
        }
        LogLevel level = LogLevel.parse(name);
        if (level == null) {
            throw refused(token, name.isEmpty() ? "give a level, " + LEVELS : "unknown level '" + name + "', " + LEVELS);
        }
        LogLevel[] all = LogLevel.values();
        int lowest = switch (operator) {
            case ">" -> level.ordinal() + 1;
            case ">=", ":" -> level.ordinal();
            default -> 0;
        };
        int highest = switch (operator) {
            case "<" -> level.ordinal() - 1;
            case "<=", ":" -> level.ordinal();
            default -> all.length - 1;
        };
        if (lowest > highest) {
            throw refused(token, "no level is " + (operator.equals(">") ? "above fatal" : "below trace"));
        }
        return new QueryTerm.Level(all[lowest], all[highest]);
    }

    /** {@code name:value} exactly, {@code name:value*} as a prefix, {@code name:*} any; a value may be quoted. */
    private QueryTerm field(String token, String name, String value) {
        if (value.isEmpty()) {
            throw refused(token, "give a value after the colon, or * for any value, as in user:42 or route:/api*");
        }
        boolean prefix = value.endsWith("*");
        String stem = prefix ? value.substring(0, value.length() - 1) : value;
        if (stem.length() >= 2 && stem.startsWith("\"") && stem.endsWith("\"")) {
            stem = unescaped(stem.substring(1, stem.length() - 1));
        }
        return new QueryTerm.Field(name, stem, prefix);
    }

    /** Where a field's name ends: names start with a letter, _ or @ and go on with letters, digits and _ . @ $ -. */
    private static int keyEnd(String word) {
        char first = word.charAt(0);
        if (!Character.isLetter(first) && first != '_' && first != '@') {
            return -1;
        }
        int j = 1;
        while (j < word.length() && (Character.isLetterOrDigit(word.charAt(j)) || "_.@$-".indexOf(word.charAt(j)) >= 0)) {
            j++;
        }
        return j;
    }

    private int closingQuote(int start, int open) {
        for (int j = open + 1; j < text.length(); j++) {
            if (text.charAt(j) == '\\') {
                j++;
            } else if (text.charAt(j) == '"') {
                return j;
            }
        }
        throw refused(text.substring(start), "the quote is not closed");
    }

    private static String unescaped(String quoted) {
        if (quoted.indexOf('\\') < 0) {
            return quoted;
        }
        StringBuilder out = new StringBuilder(quoted.length());
        for (int j = 0; j < quoted.length(); j++) {
            char c = quoted.charAt(j);
            if (c == '\\' && j + 1 < quoted.length()) {
                c = quoted.charAt(++j);
            }
            out.append(c);
        }
        return out.toString();
    }

    private boolean endsToken(int index) {
        return index >= text.length() || isBlank(text.charAt(index));
    }

    private int wordEnd(int from) {
        int j = from;
        while (j < text.length() && !isBlank(text.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c);
    }

    private static IllegalArgumentException refused(String token, String reason) {
        return new IllegalArgumentException("'" + shortened(token) + "' cannot filter the logs: " + reason + ".");
    }
}
