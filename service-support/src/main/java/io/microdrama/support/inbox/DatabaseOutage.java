package io.microdrama.support.inbox;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure is the database being out of reach (refused, cut, timed out, shutting down or starting up)
 * rather than something wrong with the work itself. An outage ends when the database answers again, so a consumer
 * waits it out instead of dead-lettering a good event: a PostgreSQL restart of 9 s once sent the events in flight to
 * the dead-letter topics, and nothing replays those.
 */
public final class DatabaseOutage {

    /** Causes followed at most; a chain is a handful deep (Hibernate Reactive, Vert.x, Netty). */
    private static final int DEPTH = 16;

    private DatabaseOutage() {
    }

    public static boolean is(Throwable failure) {
        return is(failure, 0);
    }

    private static boolean is(Throwable failure, int depth) {
        Throwable cause = failure;
        for (; cause != null && depth < DEPTH; depth++) {
            if (cause instanceof IOException || cause instanceof TimeoutException
                    || cause instanceof io.vertx.sqlclient.ClosedConnectionException || isClosedConnection(cause)) {
                return true;
            }
            if (cause instanceof PgException pg && isOutageState(pg.getSqlState())) {
                return true;
            }
            if (cause instanceof CompositeException composite) {
                // A failed transaction also fails its rollback: the cut connection is one of several causes.
                for (Throwable each : composite.getCauses()) {
                    if (each != composite && is(each, depth + 1)) {
                        return true;
                    }
                }
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }

    /**
     * The Vert.x SQL client reports a connection PostgreSQL cut (shutdown) with a plain stackless throwable and this
     * sentence, not a type of its own; seen in catalog's log during the postgres-restart drill.
     */
    private static boolean isClosedConnection(Throwable cause) {
        return cause instanceof NoStackTraceThrowable && cause.getMessage() != null
                && cause.getMessage().startsWith("Connection is not active now");
    }

    /**
     * SQLSTATEs of an unreachable server: class 08 (connection exception), 57P01-57P03 (administrator or crash
     * shutdown, cannot connect now: starting up), 53300 (too many connections). Serialization failures and
     * deadlocks are not outages: they stay under the consumer's limited retries.
     */
    static boolean isOutageState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03") || sqlState.equals("53300"));
    }
}
