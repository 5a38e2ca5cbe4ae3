package io.stackkeeper.logs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BiFunction;

/**
 * One search of the kept logs: the hours of the services that overlap the range are listed, hours whose summaries
 * show no match are skipped, and the rest are read newest first (or oldest first), frame by frame, until the page is
 * full and no frame left can hold a line newer (older) than the page's last; the lines are grouped, filtered and
 * merged by engine time across services and containers, so a recreated container's lines follow its predecessor's.
 * Memory is bounded by the page (at most {@value #MAX_LIMIT} lines and {@value #MAX_CHARS_HELD} chars) plus one frame.
 */
final class HistorySearch {

    static final int MAX_LIMIT = 10_000;
    static final long MAX_CHARS_HELD = 64L << 20;

    private static final Comparator<Match> OLDEST_FIRST = Comparator.<Match, Instant>comparing(m -> m.line().at())
            .thenComparing(Match::hour).thenComparing(Match::service).thenComparingLong(Match::order);

    private record Candidate(String service, HistoryFolder.KeptHour hour, HourSummary summary) {
    }

    private record Match(LogLine line, Instant hour, String service, long order) {

        long chars() {
            return line.raw().length() + (long) line.message().length() + line.continuation().size() * 80L;
        }
    }

    private final HistoryFolder folder;
    private final BiFunction<String, Instant, HourSummary> inHand;
    private final Instant from;
    private final Instant to;
    private final LogQuery query;
    private final int limit;
    private final boolean newestFirst;
    /** Oldest first only: how many kept lines of exactly {@link #from} to pass over, in the order they were kept. */
    private int skipAtFrom;
    private final PriorityQueue<Match> page;
    private long chars;
    private boolean more;
    private int hoursRead;
    private int hoursSkipped;

    /**
     * @param inHand the summary of an hour still being written or compacted, by service folder name and hour, or null
     */
    HistorySearch(HistoryFolder folder, BiFunction<String, Instant, HourSummary> inHand, Instant from, Instant to,
            LogQuery query, int limit, boolean newestFirst) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("A search needs a range whose start is before its end");
        }
        this.folder = folder;
        this.inHand = inHand;
        this.from = from;
        this.to = to;
        this.query = query;
        this.limit = Math.max(1, Math.min(limit, MAX_LIMIT));
        this.newestFirst = newestFirst;
        // the head of the queue is the match that leaves first when a better one comes
        this.page = new PriorityQueue<>(newestFirst ? OLDEST_FIRST : OLDEST_FIRST.reversed());
    }

    /** Passes over the first {@code lines} kept lines of exactly the range's start (oldest first: a reader's resumption). */
    HistorySearch skippingAtStart(int lines) {
        if (newestFirst) {
            throw new IllegalStateException("Only an oldest-first search resumes within its first second");
        }
        this.skipAtFrom = Math.max(0, lines);
        return this;
    }

    HistoryPage run(Collection<String> services) throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        for (String service : services) {
            String name = ServiceFolderName.of(service);
            for (HistoryFolder.KeptHour hour : folder.hours(name)) {
                candidate(name, hour, candidates);
            }
        }
        candidates.sort(newestFirst
                ? Comparator.comparingLong((Candidate c) -> c.summary().maxAt).reversed()
                : Comparator.comparingLong((Candidate c) -> c.summary().minAt));
        for (Candidate candidate : candidates) {
            if (!mayImprove(candidate.summary().minAt, candidate.summary().maxAt)) {
                more = true;
                break;
            }
            read(candidate);
        }
        List<LogLine> lines = new ArrayList<>(page.size());
        page.stream().sorted(OLDEST_FIRST).forEach(match -> lines.add(match.line()));
        return new HistoryPage(lines, more, hoursRead, hoursSkipped);
    }

    private void candidate(String service, HistoryFolder.KeptHour hour, List<Candidate> into) {
        // every line of an hour file was received before the hour's end (a later line opens the next hour)
        if (!hour.hour().plus(Duration.ofHours(1)).isAfter(from)) {
            return;
        }
        HourSummary summary = inHand.apply(service, hour.hour());
        try {
            if (summary == null) {
                summary = HourFile.summaryOf(hour.data(), true);
            }
        } catch (IOException e) {
            return; // deleted by the caps meanwhile, or unreadable: not a reason to fail the search
        }
        if (summary.isEmpty() || !overlaps(summary.minAt, summary.maxAt)) {
            return;
        }
        if (!SummaryCheck.mayMatch(summary, query)) {
            hoursSkipped++;
            return;
        }
        into.add(new Candidate(service, hour, summary));
    }

    private void read(Candidate candidate) {
        try (FileChannel channel = HourFile.openForReading(candidate.hour().data())) {
            hoursRead++;
            List<Frames.Header> frames = new ArrayList<>(Frames.index(channel));
            if (newestFirst) {
                frames.sort(Comparator.comparingLong(Frames.Header::maxAt).reversed());
            } else {
                frames.sort(Comparator.comparingLong(Frames.Header::minAt));
            }
            for (Frames.Header frame : frames) {
                if (!overlaps(frame.minAt(), frame.maxAt())) {
                    continue;
                }
                if (!mayImprove(frame.minAt(), frame.maxAt())) {
                    more = true;
                    continue;
                }
                readFrame(candidate, channel, frame);
            }
        } catch (IOException e) {
            // an hour deleted by the caps meanwhile, or unreadable: the others still answer
        }
    }

    private void readFrame(Candidate candidate, FileChannel channel, Frames.Header frame) throws IOException {
        byte[] content = Frames.content(channel, frame);
        if (content == null) {
            return; // damaged: the other frames still answer
        }
        List<KeptLine> kept = LineRecords.read(content);
        if (!FramePrefilter.mayMatch(content, kept, query)) {
            return;
        }
        List<LogLine> parsed = new ArrayList<>(kept.size());
        for (KeptLine line : kept) {
            if (skipAtFrom > 0 && line.at().equals(from)) {
                skipAtFrom--;
                continue;
            }
            parsed.add(line.parse());
        }
        List<LogLine> grouped = LogGrouper.group(parsed);
        for (int i = 0; i < grouped.size(); i++) {
            LogLine line = grouped.get(i);
            if (!line.at().isBefore(from) && line.at().isBefore(to) && query.matches(line)) {
                offer(new Match(line, candidate.hour().hour(), candidate.service(), frame.offset() << 24 | i));
            }
        }
    }

    private void offer(Match match) {
        page.add(match);
        chars += match.chars();
        while (page.size() > limit || chars > MAX_CHARS_HELD && page.size() > 1) {
            chars -= page.poll().chars();
            more = true;
        }
    }

    /** Whether lines received in [minAt, maxAt) epoch millis could still enter the page. */
    private boolean mayImprove(long minAt, long maxAt) {
        if (page.size() < limit && chars <= MAX_CHARS_HELD) {
            return true;
        }
        Instant worst = page.peek().line().at();
        return newestFirst ? Instant.ofEpochMilli(maxAt).isAfter(worst) : !Instant.ofEpochMilli(minAt).isAfter(worst);
    }

    private boolean overlaps(long minAt, long maxAt) {
        return Instant.ofEpochMilli(maxAt).isAfter(from) && Instant.ofEpochMilli(minAt).isBefore(to);
    }
}
