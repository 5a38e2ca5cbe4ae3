package io.stackkeeper.logs;

import io.stackkeeper.security.Roles;
import io.stackkeeper.stack.StackPart;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The stack's logs as the portal keeps them: searched over any time range, across container recreations. */
@Service
public class LogService {

    /** The most lines one page holds. */
    public static final int MAX_PAGE = 10_000;

    /** How many lines a live viewer starts from, a container, unless asked otherwise. */
    public static final int LIVE_TAIL = 500;

    private final LogKeeper keeper;
    private final Incidents incidents;
    private final LiveViewers live;
    private final KeptParts kept;
    private final LogForwarder forwarder;

    LogService(LogKeeper keeper, Incidents incidents, LiveViewers live, KeptParts kept, LogForwarder forwarder) {
        this.keeper = keeper;
        this.incidents = incidents;
        this.live = live;
        this.kept = kept;
        this.forwarder = forwarder;
    }

    /**
     * Follows the parts' containers live, from their last {@code tail} lines on (at most the viewer's bound; one
     * engine stream a container, shared by all its viewers): the lines that pass the filter and {@code minLevel} (null: any), those of several containers merged by
     * time, stack traces folded, go to {@code batches} at most five times a second (oldest first; an empty batch while
     * paused tells that more lines wait). A recreated container is followed again by itself, its gap marked. Close the
     * handle to stop. A bad filter is an {@link IllegalArgumentException} naming the term.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public LiveLogs follow(java.util.Set<StackPart> parts, int tail, String filter, LogLevel minLevel,
            java.util.function.Consumer<List<LogLine>> batches) {
        LogQuery query = LogQuery.parse(filter);
        return live.open(parts, tail, minLevel == null ? query : query.atLeast(minLevel), batches);
    }

    /**
     * The kept lines of a part's containers from {@code from} (inclusive) to {@code to} (exclusive) that pass the
     * filter (the logs page's syntax, see {@link LogQuery}) and are at least {@code minLevel} (null: any); the newest
     * {@code limit} of them (at most {@value #MAX_PAGE}), oldest first. A bad filter is an
     * {@link IllegalArgumentException} naming the term.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public LogPage history(StackPart part, Instant from, Instant to, String filter, LogLevel minLevel, int limit) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("The range must end after it starts: " + from + " to " + to);
        }
        LogQuery query = LogQuery.parse(filter);
        if (minLevel != null) {
            query = query.atLeast(minLevel);
        }
        HistoryPage page = keeper.history().search(List.of(part.label()), from, to, query, Math.max(1, Math.min(limit, MAX_PAGE)), true);
        return new LogPage(page.lines(), page.more());
    }

    /** Whether the part's logs are kept, and the container they come from now (null while not followed). */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public String followedContainer(StackPart part) {
        return keeper.followedContainer(part);
    }

    /** Which parts' logs are kept, what could not be written, and where the kept lines are forwarded. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public LogKeeping keeping() {
        LogForwarder.ForwardingState forwarding = forwarder.state();
        return new LogKeeping(kept.all(), keeper.history().droppedLines(), forwarding == null ? null : forwarding.target(),
                forwarding == null ? 0 : forwarding.forwarded(), forwarding == null ? null : forwarding.failure());
    }

    /** Starts or stops keeping a part's logs (its kept hours stay until the caps remove them); audited. */
    @PreAuthorize(Roles.IS_ADMIN)
    public void keep(StackPart part, boolean on) {
        kept.set(part, on);
    }

    /** The newest incidents first, without their lines. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public List<IncidentView> incidents(int limit) {
        return incidents.recent(limit);
    }

    /** One incident with the last lines before it. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public java.util.Optional<IncidentView> incident(long id) {
        return incidents.one(id);
    }
}
