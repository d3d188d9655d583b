package io.microdrama.testing;

import java.util.function.IntSupplier;

/**
 * Whether a service's statements reuse their query plans: runs a round of them once (their plans are stored), then
 * {@link #ROUNDS} more times, and answers how many plans the cache gained meanwhile. A statement that stores a plan
 * per execution adds one per round; the running service's other work may add a few. The count comes from the service
 * (service-support's {@code QueryPlans.cached}), so this class needs no Hibernate.
 */
public final class PlanCacheProbe {

    public static final int ROUNDS = 30;

    /** One round of the statements under test, asserting what they answer if the test wants to. */
    @FunctionalInterface
    public interface Round {
        void run() throws Throwable;
    }

    private PlanCacheProbe() {
    }

    public static int plansStoredByMoreRounds(IntSupplier cachedPlans, Round round) throws Throwable {
        round.run();
        int before = cachedPlans.getAsInt();
        for (int i = 0; i < ROUNDS; i++) {
            round.run();
        }
        return cachedPlans.getAsInt() - before;
    }
}
