package io.stackkeeper.stack;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The engine's log frames, which split lines (and UTF-8 characters) anywhere, as whole lines. A line longer than
 * {@link #MAX_LINE_BYTES} keeps its first part and says how much was dropped, so a container that never writes a
 * newline cannot fill the portal's memory. {@code ended} runs once when the stream ends: the container stopped or
 * went away, or the handle was closed.
 */
final class LogLines extends ResultCallback.Adapter<Frame> {

    /** The most of one line kept, in bytes (1 MiB and a little, so the logs' own cut at 1 MiB chars still marks it). */
    static final int MAX_LINE_BYTES = (1 << 20) + 1024;

    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final Consumer<String> line;
    private final Runnable ended;
    private long dropped;
    private boolean over;

    LogLines(Consumer<String> line) {
        this(line, () -> { });
    }

    LogLines(Consumer<String> line, Runnable ended) {
        this.line = line;
        this.ended = ended;
    }

    @Override
    public synchronized void onNext(Frame frame) {
        byte[] payload = frame.getPayload();
        int start = 0;
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == '\n') {
                keep(payload, start, i - start);
                emit();
                start = i + 1;
            }
        }
        keep(payload, start, payload.length - start);
    }

    /** Hands on a last line that had no newline. */
    synchronized void flush() {
        if (partial.size() > 0 || dropped > 0) {
            emit();
        }
    }

    @Override
    public void onComplete() {
        super.onComplete();
        end();
    }

    @Override
    public void onError(Throwable throwable) {
        super.onError(throwable);
        end();
    }

    private void end() {
        synchronized (this) {
            flush();
            if (over) {
                return;
            }
            over = true;
        }
        ended.run();
    }

    private void keep(byte[] bytes, int from, int length) {
        int room = Math.max(0, MAX_LINE_BYTES - partial.size());
        partial.write(bytes, from, Math.min(room, length));
        dropped += Math.max(0, length - room);
    }

    private void emit() {
        String text = partial.toString(StandardCharsets.UTF_8);
        line.accept(dropped == 0 ? text : text + " …[dropped " + dropped + " bytes]");
        partial.reset();
        dropped = 0;
    }
}
