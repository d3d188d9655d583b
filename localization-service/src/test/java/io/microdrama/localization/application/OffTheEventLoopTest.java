package io.microdrama.localization.application;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heavy upload work (decode, parse, QC) leaves the event loop: it runs on a worker while the event loop keeps serving
 * other work, and the chain comes back to the request's own context for the database part.
 */
class OffTheEventLoopTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void workRunsOnAWorkerAndTheChainContinuesOnTheRequestsContext() throws Exception {
        Context context = vertx.getOrCreateContext();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> workOnWorker = new CompletableFuture<>();
        CompletableFuture<Boolean> continuedOnContext = new CompletableFuture<>();
        CompletableFuture<Boolean> loopStayedFree = new CompletableFuture<>();
        context.runOnContext(ignored -> OffTheEventLoop.run(() -> {
            workOnWorker.complete(Context.isOnWorkerThread());
            // "Heavy" work that lasts until the event loop has shown it can run something else meanwhile.
            return release.await(10, TimeUnit.SECONDS);
        }).subscribe().with(done -> continuedOnContext.complete(done && Vertx.currentContext() == context
                && Context.isOnEventLoopThread()), continuedOnContext::completeExceptionally));
        context.runOnContext(ignored -> {
            loopStayedFree.complete(true);
            release.countDown();
        });
        assertThat(workOnWorker.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(loopStayedFree.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(continuedOnContext.get(10, TimeUnit.SECONDS)).isTrue();
    }
}
