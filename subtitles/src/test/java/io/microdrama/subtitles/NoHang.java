package io.microdrama.subtitles;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * jqwik properties do not honour JUnit Jupiter's {@code @Timeout}, so each try runs through this guard: a hang
 * fails the property instead of blocking the build. The limit is generous (shared CI cores); it is no benchmark.
 */
final class NoHang {

    static final Duration LIMIT = Duration.ofSeconds(20);

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "no-hang-guard");
        t.setDaemon(true);
        return t;
    });

    private NoHang() {
    }

    static <T> T within(Callable<T> work) {
        Future<T> future = POOL.submit(work);
        try {
            return future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("did not finish within " + LIMIT + " (hang or super-linear behaviour)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError(e.getCause());
        }
    }

    static void within(Runnable work) {
        within(() -> {
            work.run();
            return null;
        });
    }
}
