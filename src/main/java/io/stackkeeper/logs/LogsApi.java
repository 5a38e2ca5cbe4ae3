package io.stackkeeper.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackkeeper.stack.StackPart;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/logs/{container}?from=&to=&level=&q=&limit=}: the kept lines of {@code backend} or
 * {@code frontend} as JSON lines, newest last (default: the last hour, 1,000 lines). OPERATOR and ADMIN only, as on
 * the page.
 */
@RestController
class LogsApi {

    private static final String JSON_LINES = "application/x-ndjson";

    private final LogService logs;
    private final ObjectMapper json;

    LogsApi(LogService logs, ObjectMapper json) {
        this.logs = logs;
        this.json = json;
    }

    /** Written on the request's own thread (an async stream would meet the security filters again without the token). */
    @GetMapping("/api/v1/logs/{container}")
    void history(@PathVariable String container, @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String level, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1000") int limit, HttpServletResponse response) throws IOException {
        Instant end = to == null ? Instant.now().plusSeconds(1) : to;
        LogPage page = logs.history(part(container), from == null ? end.minus(Duration.ofHours(1)) : from, end, q, level(level), limit);
        response.setContentType(JSON_LINES);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("X-More-Lines", Boolean.toString(page.more()));
        Writer writer = response.getWriter();
        for (LogLine line : page.lines()) {
            writer.write(json.writeValueAsString(line));
            writer.write('\n');
        }
        writer.flush();
    }

    private static StackPart part(String container) {
        return switch (container.toLowerCase(Locale.ROOT)) {
            case "backend" -> StackPart.BACKEND;
            case "frontend" -> StackPart.FRONTEND;
            default -> throw new IllegalArgumentException("No such container: use backend or frontend.");
        };
    }

    private static LogLevel level(String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        LogLevel parsed = LogLevel.parse(level);
        if (parsed == null) {
            throw new IllegalArgumentException("Unknown level '" + level + "': use trace, debug, info, warn, error or fatal.");
        }
        return parsed;
    }
}
