package io.microdrama.localization.application;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.unchecked.Unchecked;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.Callable;

/**
 * CPU-heavy work (decoding, parsing and QC of an upload) runs on a Vert.x worker thread and the chain continues on the
 * request's own event-loop context, where Hibernate Reactive's session lives. One heavy upload then occupies a worker,
 * not the event loop that every other request of this service shares. Unordered: uploads do not wait for each other.
 */
public final class OffTheEventLoop {

    private OffTheEventLoop() {
    }

    public static <T> Uni<T> run(Callable<T> work) {
        Context context = Vertx.currentContext();
        if (context == null || !Context.isOnEventLoopThread()) {
            return Uni.createFrom().item(Unchecked.supplier(work::call));
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
    }
}
