package io.microdrama.gateway.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Shares one service's capacity for studio pushes fairly among studios: at most {@code slots} pushes are forwarded at
 * once; the others wait in a queue per studio, and a freed slot goes to the studios in turn (round robin), not to
 * whoever has queued most. A studio importing its back catalogue with many requests in flight thus takes every slot
 * only while nobody else pushes; another studio's single publication waits for the next free slot, not behind the
 * import. Without this the service runs everything it is sent at once, and on a busy machine the small request
 * shares the CPU with all of the import's.
 * <p>
 * Bounded: a studio may have at most {@code maxWaitingPerStudio} pushes waiting and all studios together
 * {@code maxWaitingBytes} of request bodies; beyond that a push is refused (the caller answers 429) rather than held.
 * Every operation is O(1). Thread-safe; the callbacks run outside the lock, on the thread that freed the slot.
 */
public final class FairShare {

    private final int slots;
    private final int maxWaitingPerStudio;
    private final long maxWaitingBytes;
    /** Studios with waiting pushes, in the order they get the next slots; a served studio moves to the end. */
    private final Map<String, ArrayDeque<Turn>> waiting = new LinkedHashMap<>();
    private int running;
    private long waitingBytes;

    public FairShare(int slots, int maxWaitingPerStudio, long maxWaitingBytes) {
        if (slots < 1 || maxWaitingPerStudio < 0 || maxWaitingBytes < 0) {
            throw new IllegalArgumentException("slots must be >= 1, waiting bounds >= 0");
        }
        this.slots = slots;
        this.maxWaitingPerStudio = maxWaitingPerStudio;
        this.maxWaitingBytes = maxWaitingBytes;
    }

    /**
     * Asks for a slot for one push of {@code bodyBytes}. {@code onStart} gets the turn once the push may be forwarded: at once,
     * on this thread, when a slot is free, otherwise later on the thread that frees one.
     *
     * @return the push's turn, to be {@link Turn#end() ended} when the push is over (answered, failed or abandoned);
     *         null when the studio's queue or the byte bound is full
     */
    public Turn request(String studio, long bodyBytes, Consumer<Turn> onStart) {
        Turn turn = new Turn(studio, bodyBytes, onStart);
        synchronized (this) {
            if (running < slots && waiting.isEmpty()) {
                running++;
                turn.state = State.RUNNING;
            } else {
                ArrayDeque<Turn> queue = waiting.get(studio);
                if ((queue != null && queue.size() >= maxWaitingPerStudio) || maxWaitingPerStudio == 0
                        || waitingBytes + bodyBytes > maxWaitingBytes) {
                    return null;
                }
                waiting.computeIfAbsent(studio, ignored -> new ArrayDeque<>()).add(turn);
                waitingBytes += bodyBytes;
                return turn;
            }
        }
        onStart.accept(turn);
        return turn;
    }

    /** Pushes being forwarded now. */
    public synchronized int running() {
        return running;
    }

    /** Pushes waiting for a slot, all studios together. */
    public synchronized int waiting() {
        int count = 0;
        for (ArrayDeque<Turn> queue : waiting.values()) {
            count += queue.size();
        }
        return count;
    }

    private void finish(Turn turn) {
        List<Turn> started = new ArrayList<>(1);
        synchronized (this) {
            switch (turn.state) {
                case RUNNING -> {
                    running--;
                    startNext(started);
                }
                case WAITING -> {
                    ArrayDeque<Turn> queue = waiting.get(turn.studio);
                    // O(queue) at most maxWaitingPerStudio, a small constant: an abandoned push leaves its queue.
                    queue.remove(turn);
                    waitingBytes -= turn.bodyBytes;
                    if (queue.isEmpty()) {
                        waiting.remove(turn.studio);
                    }
                }
                case ENDED -> {
                    return;
                }
            }
            turn.state = State.ENDED;
        }
        started.forEach(next -> next.onStart.accept(next));
    }

    private void startNext(List<Turn> started) {
        var studios = waiting.entrySet().iterator();
        if (running >= slots || !studios.hasNext()) {
            return;
        }
        Map.Entry<String, ArrayDeque<Turn>> first = studios.next();
        Turn next = first.getValue().poll();
        studios.remove();
        if (!first.getValue().isEmpty()) {
            waiting.put(first.getKey(), first.getValue()); // to the end of the round
        }
        waitingBytes -= next.bodyBytes;
        running++;
        next.state = State.RUNNING;
        started.add(next);
    }

    private enum State { WAITING, RUNNING, ENDED }

    /** One push's place: waiting for a slot, holding one, or over. */
    public final class Turn {
        private final String studio;
        private final long bodyBytes;
        private final Consumer<Turn> onStart;
        private State state = State.WAITING;

        private Turn(String studio, long bodyBytes, Consumer<Turn> onStart) {
            this.studio = studio;
            this.bodyBytes = bodyBytes;
            this.onStart = onStart;
        }

        /** Frees the slot (the next studio's push starts) or leaves the queue; a second call does nothing. */
        public void end() {
            finish(this);
        }
    }
}
