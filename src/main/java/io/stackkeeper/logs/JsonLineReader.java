package io.stackkeeper.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a JSON object line member by member with Jackson's streaming parser (no tree), taking the time, level,
 * logger, message and stack trace from the first member under one of the names vendors use for each, and keeping
 * every other member, and any of those whose value could not be read as such, as a field.
 */
final class JsonLineReader {

    /**
     * What a member of a log line stands for, by the names that logstash-logback-encoder, ECS, bunyan, pino, zap,
     * slog, logrus, Serilog's CLEF, python-json-logger and MongoDB give it.
     */
    enum Role {
        TIME, LEVEL, LOGGER, MESSAGE, STACK, FIELD;

        static Role of(String name) {
            return switch (name) {
                case "time", "@timestamp", "timestamp", "ts", "@t", "t" -> TIME;
                case "level", "lvl", "severity", "log.level", "loglevel", "levelname", "@l", "s" -> LEVEL;
                case "logger", "logger_name", "loggerName", "log.logger" -> LOGGER;
                case "message", "msg", "@m", "@mt" -> MESSAGE;
                case "stack_trace", "stacktrace", "stack", "exception", "exc_info", "error.stack_trace", "@x" -> STACK;
                default -> FIELD;
            };
        }
    }

    /** A line's members; {@code complete} is false when the text is not one JSON object or breaks off. */
    static final class Parts {
        Instant time;
        LogLevel level;
        String logger;
        String message;
        String stack;
        Map<String, String> fields;
        boolean complete;
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String MONGO_DATE = "{\"$date\":";

    private JsonLineReader() {
    }

    /**
     * The members of a JSON object line, as far as they could be read; null when the text does not start an object.
     * Never throws: the caller keeps a broken line as plain text.
     */
    static Parts read(String text) {
        Parts parts = new Parts();
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                take(parts, name, parser.nextToken(), parser);
            }
            parts.complete = token == JsonToken.END_OBJECT && parser.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            // broken JSON, or a limit of Jackson's (nesting, number length, symbol table): a line is data to show,
            // never a reason to stop reading the lines after it
            parts.complete = false;
        }
        return parts;
    }

    private static void take(Parts parts, String name, JsonToken value, JsonParser parser) throws IOException {
        if (value == null) {
            return;
        }
        switch (Role.of(name)) {
            case TIME -> {
                if (parts.time == null) {
                    if (value == JsonToken.START_OBJECT) {
                        String json = text(value, parser);
                        parts.time = mongoDate(json);
                        if (parts.time == null) {
                            field(parts, name, json);
                        }
                        return;
                    }
                    parts.time = time(value, parser);
                    if (parts.time != null) {
                        return;
                    }
                }
            }
            case LEVEL -> {
                if (parts.level == null) {
                    parts.level = level(value, parser);
                    if (parts.level != null) {
                        return;
                    }
                }
            }
            case LOGGER -> {
                if (parts.logger == null && value == JsonToken.VALUE_STRING) {
                    parts.logger = SafeText.clean(parser.getText());
                    return;
                }
            }
            case MESSAGE -> {
                if (parts.message == null && value != JsonToken.VALUE_NULL) {
                    parts.message = text(value, parser);
                    return;
                }
            }
            case STACK -> {
                if (parts.stack == null && value == JsonToken.VALUE_STRING) {
                    parts.stack = parser.getText();
                    return;
                }
            }
            case FIELD -> {
            }
        }
        field(parts, name, text(value, parser));
    }

    private static void field(Parts parts, String name, String text) {
        if (parts.fields == null) {
            parts.fields = new LinkedHashMap<>();
        }
        parts.fields.putIfAbsent(SafeText.clean(name), SafeText.clean(text));
    }

    private static Instant time(JsonToken value, JsonParser parser) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return Timestamps.parse(parser.getText());
        }
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return fitsLong(parser) ? Timestamps.ofEpoch(parser.getLongValue()) : null;
        }
        if (value == JsonToken.VALUE_NUMBER_FLOAT) {
            return Timestamps.ofEpoch(parser.getDoubleValue());
        }
        return null;
    }

    /** MongoDB's {@code "t":{"$date":"2026-12-03T09:30:23.123+00:00"}}. */
    private static Instant mongoDate(String json) {
        if (json.startsWith(MONGO_DATE) && json.endsWith("\"}") && json.length() > MONGO_DATE.length() + 2
                && json.charAt(MONGO_DATE.length()) == '"') {
            return Timestamps.parse(json.substring(MONGO_DATE.length() + 1, json.length() - 2));
        }
        return null;
    }

    private static LogLevel level(JsonToken value, JsonParser parser) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return fitsLong(parser) ? LogLevel.ofNumber(parser.getLongValue()) : null;
        }
        return value == JsonToken.VALUE_STRING ? LogLevel.parse(parser.getText()) : null;
    }

    private static boolean fitsLong(JsonParser parser) throws IOException {
        return parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
    }

    /** A string value as it is, any other as compact JSON. */
    private static String text(JsonToken value, JsonParser parser) throws IOException {
        if (!value.isStructStart()) {
            return parser.getText();
        }
        StringWriter out = new StringWriter(64);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.copyCurrentStructure(parser);
        }
        return out.toString();
    }
}
