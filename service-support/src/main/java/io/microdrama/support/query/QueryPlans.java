package io.microdrama.support.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/**
 * Hibernate's query plan cache, and the native selects that must stay out of it.
 * <p>
 * Hibernate Reactive 3.2 wraps the result mapping of a native select it reads rows of in a class without equality, so
 * no two executions of the same SQL share a plan key: each one stores a new plan, and the copies of one statement share
 * one hash bucket that every later lookup walks, up to the cache's 2 048 entries, evicting the HQL plans that are
 * worth keeping. The one thing that makes Hibernate skip the cache for a native query is a multi-valued parameter
 * (a native plan is cheap to build: no HQL to parse). So every native select whose rows Hibernate maps has
 * {@link #UNCACHED} in its {@code where} clause and goes through {@link #uncached} before it runs; statements that run
 * per event are HQL instead, whose plans are cached once. Hibernate Reactive 4.5 adds
 * {@code setQueryPlanCacheable(false)} for this; when the platform moves to it, that replaces the predicate.
 * <p>
 * The cache's size is the gauge {@code hibernate.query.plans.cached}: it levels off once the service's statements
 * have run, and a climb that tracks traffic means a statement storing a plan per execution.
 */
@ApplicationScoped
public class QueryPlans {

    /** A predicate that is always true and binds a list, so Hibernate does not cache the statement's plan. */
    public static final String UNCACHED = "1 in (:uncached_plan)";

    private static final List<Integer> ONE = List.of(1);

    private final Mutiny.SessionFactory sessions;
    private final MeterRegistry metrics;

    public QueryPlans(Mutiny.SessionFactory sessions, MeterRegistry metrics) {
        this.sessions = sessions;
        this.metrics = metrics;
    }

    void registerGauge(@Observes StartupEvent started) {
        Gauge.builder("hibernate.query.plans.cached", sessions, QueryPlans::cached)
                .description("Query plans in Hibernate's plan cache").register(metrics);
    }

    /** Binds {@link #UNCACHED}'s list; the query's SQL must contain it. */
    public static <R> Mutiny.SelectionQuery<R> uncached(Mutiny.SelectionQuery<R> query) {
        return query.setParameter("uncached_plan", ONE);
    }

    /** How many plans the cache holds now. */
    public static int cached(Mutiny.SessionFactory sessions) {
        SessionFactoryImplementor factory = (SessionFactoryImplementor) sessions.getCache().getSessionFactory();
        return factory.getQueryEngine().getInterpretationCache().getNumberOfCachedQueryPlans();
    }
}
