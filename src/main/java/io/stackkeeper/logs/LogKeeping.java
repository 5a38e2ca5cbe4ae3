package io.stackkeeper.logs;

import io.stackkeeper.stack.StackPart;
import java.util.Map;

/**
 * How the portal keeps the stack's logs now.
 *
 * @param kept every part, and whether its logs are kept
 * @param droppedLines lines that could not be written since the start (a full disk)
 * @param forwardingTarget where the kept lines are forwarded, or null when they are not
 * @param forwarded lines forwarded since the start (some possibly twice, after a failure)
 * @param forwardingFailure why forwarding fails now, or null while it works
 */
public record LogKeeping(Map<StackPart, Boolean> kept, long droppedLines, String forwardingTarget, long forwarded,
        String forwardingFailure) {
}
