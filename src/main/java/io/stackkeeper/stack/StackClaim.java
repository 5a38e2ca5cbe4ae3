package io.stackkeeper.stack;

/** Held while work runs on the stack; closing it lets other work start. */
public interface StackClaim extends AutoCloseable {

    @Override
    void close();
}
