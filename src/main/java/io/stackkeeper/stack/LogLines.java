package io.stackkeeper.stack;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** The engine's log frames, which split lines anywhere, as whole lines. */
final class LogLines extends ResultCallback.Adapter<Frame> {

    private final StringBuilder partial = new StringBuilder();
    private final Consumer<String> line;

    LogLines(Consumer<String> line) {
        this.line = line;
    }

    @Override
    public synchronized void onNext(Frame frame) {
        partial.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            line.accept(partial.substring(0, newline));
            partial.delete(0, newline + 1);
        }
    }

    /** Hands on a last line that had no newline. */
    synchronized void flush() {
        if (!partial.isEmpty()) {
            line.accept(partial.toString());
            partial.setLength(0);
        }
    }
}
