package io.stackkeeper.stack;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.function.Supplier;

/** Engine calls of one endpoint, whose failures become messages saying what could not be done and why. */
final class EngineCalls {

    private final String endpoint;

    EngineCalls(String endpoint) {
        this.endpoint = endpoint;
    }

    /** Runs one engine call, turning failures into messages that say what could not be done and why. */
    <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (StackException e) {
            throw e;
        } catch (NotFoundException e) {
            throw new StackException("Could not " + what + ": not found on the engine (" + firstLine(e.getMessage()) + ").", e);
        } catch (ConflictException e) {
            throw new StackException("Could not " + what + ": " + firstLine(e.getMessage()), e);
        } catch (DockerException e) {
            throw new StackException("Could not " + what + ": the engine answered " + e.getHttpStatus() + " " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new StackException("Could not " + what + ": " + transportProblem(e), e);
        }
    }

    private String transportProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            boolean missingSocket = cause instanceof java.net.SocketException && String.valueOf(cause.getMessage()).contains("No such file");
            if (cause instanceof NoSuchFileException || cause instanceof ConnectException || missingSocket) {
                return "the container engine at " + endpoint + " is not reachable (" + cause.getClass().getSimpleName() + ": "
                        + firstLine(cause.getMessage()) + "). Is the engine running?";
            }
            if (cause instanceof AccessDeniedException || String.valueOf(cause.getMessage()).contains("Permission denied")) {
                return "permission denied on " + endpoint + ": the portal's user may not use the engine's socket.";
            }
            if (cause instanceof SocketTimeoutException) {
                return "the container engine at " + endpoint + " did not answer in time.";
            }
        }
        return firstLine(String.valueOf(e.getMessage()));
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip();
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline);
    }
}
