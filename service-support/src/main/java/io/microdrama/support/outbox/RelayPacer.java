package io.microdrama.support.outbox;

import java.time.Duration;

/**
 * When the relay runs its next round, as plain Java (unit tested without a database or broker): at most one round
 * at a time; a wake-up during a round runs another one right after it; a full batch means rows may remain, so the
 * relay drains back to back; a failed round pauses with back-off, and wake-ups during the pause do not shorten it.
 * Nothing runs before {@link #open()} or after {@link #close()} (shutdown: the messaging channels are going away).
 */
final class RelayPacer {

    /** What to do once a round has ended. */
    sealed interface Next permits RunAgain, Idle, Pause {
    }

    record RunAgain() implements Next {
    }

    record Idle() implements Next {
    }

    record Pause(Duration duration) implements Next {
    }

    private final RelayBackoff backoff;
    private boolean open;
    private boolean roundRunning;
    private boolean paused;
    private boolean wakeRequested;

    RelayPacer(RelayBackoff backoff) {
        this.backoff = backoff;
    }

    synchronized void open() {
        open = true;
    }

    synchronized void close() {
        open = false;
    }

    synchronized boolean isOpen() {
        return open;
    }

    /** A commit, the fallback poll or the end of a pause asks for a round; true if the caller must start it now. */
    synchronized boolean wake() {
        if (!open) {
            return false;
        }
        wakeRequested = true;
        return startIfIdle();
    }

    /** The pause after a failure is over; true if the caller must start a round now. */
    synchronized boolean pauseEnded() {
        paused = false;
        return open && startIfIdle();
    }

    /**
     * A round ended. {@code failed}: the broker or the database failed (pause); {@code rowsMayRemain}: the batch
     * was full. Returns what the caller must do; {@link RunAgain} means a round has been started on its behalf.
     */
    synchronized Next roundEnded(boolean failed, boolean rowsMayRemain) {
        roundRunning = false;
        if (!open) {
            return new Idle();
        }
        if (failed) {
            paused = true;
            return new Pause(backoff.next());
        }
        backoff.reset();
        if (rowsMayRemain || wakeRequested) {
            startIfIdle();
            return new RunAgain();
        }
        return new Idle();
    }

    private boolean startIfIdle() {
        if (roundRunning || paused) {
            return false;
        }
        roundRunning = true;
        wakeRequested = false;
        return true;
    }
}
