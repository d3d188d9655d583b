package io.microdrama.drills;

import io.microdrama.contracts.Topics;
import io.microdrama.devstack.DevStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the three databases say about the storm, read with plain SQL (a fresh stack per drill, so every row is the
 * drill's): outbox rows per producer (events published, and how many the relay has not sent yet), inbox rows per
 * consumer (events arrived), what is lost (published ids with no inbox row at their consumer), what was applied twice
 * (effects beyond one per inbox row), and the fan-in state of every regional rollout.
 */
final class Ledger {

    /** One producer → consumer edge of the fan-out/fan-in. */
    record Edge(String consumer, String topic, long published, long unsent, long arrived, long lost, long strayInbox,
            String duplicatesApplied, long duplicateCount) {
    }

    record Reading(long dramasPublished, long acknowledgedMissing, long rollouts, long rolloutsPriced,
            long rolloutsLocalized, long prices, long plans, List<Edge> edges) {

        long lost() {
            return edges.stream().mapToLong(Edge::lost).sum();
        }

        long duplicatesApplied() {
            return edges.stream().mapToLong(Edge::duplicateCount).sum();
        }

        long unsent() {
            return edges.stream().mapToLong(Edge::unsent).sum();
        }

        /** Every published event arrived where it goes, and every rollout of every published drama has both answers. */
        boolean converged(int regions) {
            return lost() == 0 && unsent() == 0 && rollouts == dramasPublished * regions && rolloutsPriced == rollouts
                    && rolloutsLocalized == rollouts && acknowledgedMissing == 0;
        }
    }

    private final DevStack stack;

    Ledger(DevStack stack) {
        this.stack = stack;
    }

    Reading read(Set<String> acknowledged, int regions) throws SQLException {
        try (Connection catalog = connect("catalog"); Connection billing = connect("billing");
                Connection localization = connect("localization")) {
            Set<String> published = new HashSet<>();
            try (ResultSet rows = catalog.createStatement().executeQuery("select external_id from drama where status = 'PUBLISHED'")) {
                while (rows.next()) {
                    published.add(rows.getString(1));
                }
            }
            long acknowledgedMissing = acknowledged.stream().filter(id -> !published.contains(id)).count();
            long rollouts = count(catalog, "select count(*) from regional_rollout");
            long priced = count(catalog, "select count(*) from regional_rollout where price_minor is not null");
            long localized = count(catalog, "select count(*) from regional_rollout where localization_version > 0");
            long prices = count(billing, "select count(*) from drama_price");
            long plans = count(localization, "select count(*) from region_plan");

            List<Edge> edges = new ArrayList<>();
            // Catalog's drama events travel on two lanes (a studio's burst takes the bulk one); one inbox reads both.
            // The answers follow their drama's lane, and catalog's one inbox per answer reads both of theirs too.
            Set<String> dramaEvents = outbox(catalog, Topics.CATALOG_DRAMA, Topics.CATALOG_DRAMA_BULK);
            long dramaUnsent = unsent(catalog, Topics.CATALOG_DRAMA, Topics.CATALOG_DRAMA_BULK);
            Set<String> pricingEvents = outbox(billing, Topics.BILLING_PRICING, Topics.BILLING_PRICING_BULK);
            Set<String> readinessEvents = outbox(localization, Topics.LOCALIZATION_READINESS, Topics.LOCALIZATION_READINESS_BULK);
            // Billing answers each applied drama.published with one billing.pricing.set per licensed region;
            // localization with one readiness event per region: more than that is an event applied twice.
            Set<String> billingInbox = inbox(billing, "billing.catalog-dramas");
            edges.add(edge("billing.catalog-dramas", Topics.CATALOG_DRAMA, dramaEvents, dramaUnsent, billingInbox,
                    pricingEvents.size() - (long) regions * billingInbox.size(), "pricing.set rows − regions × inbox rows"));
            Set<String> localizationInbox = inbox(localization, "localization.catalog-dramas");
            edges.add(edge("localization.catalog-dramas", Topics.CATALOG_DRAMA, dramaEvents, dramaUnsent, localizationInbox,
                    readinessEvents.size() - (long) regions * localizationInbox.size(), "readiness rows − regions × inbox rows"));
            edges.add(edge("catalog.billing-pricing", Topics.BILLING_PRICING, pricingEvents,
                    unsent(billing, Topics.BILLING_PRICING, Topics.BILLING_PRICING_BULK),
                    inbox(catalog, "catalog.billing-pricing"), -1, null));
            edges.add(edge("catalog.localization-readiness", Topics.LOCALIZATION_READINESS, readinessEvents,
                    unsent(localization, Topics.LOCALIZATION_READINESS, Topics.LOCALIZATION_READINESS_BULK),
                    inbox(catalog, "catalog.localization-readiness"), -1, null));
            return new Reading(published.size(), acknowledgedMissing, rollouts, priced, localized, prices, plans, edges);
        }
    }

    private static Edge edge(String consumer, String topic, Set<String> published, long unsent, Set<String> inbox,
            long extraEffects, String rule) {
        long lost = published.stream().filter(id -> !inbox.contains(id)).count();
        long stray = inbox.stream().filter(id -> !published.contains(id)).count();
        String duplicates;
        long duplicateCount;
        if (rule == null) {
            // catalog's fan-in sets the rollout's state, guarded by version: applying twice leaves no trace to count.
            duplicates = "n/a (version-guarded state)";
            duplicateCount = 0;
        } else {
            duplicateCount = Math.max(0, extraEffects);
            duplicates = Long.toString(extraEffects);
        }
        return new Edge(consumer, topic, published.size(), unsent, inbox.size(), lost, stray, duplicates, duplicateCount);
    }

    private Connection connect(String name) throws SQLException {
        DevStack.Database database = stack.database(name).orElseThrow();
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    /** The outbox rows of an edge: its topic and its other lane (an event goes to one of them, never to both). */
    private static Set<String> outbox(Connection db, String... topics) throws SQLException {
        Set<String> ids = new HashSet<>();
        for (String topic : topics) {
            ids.addAll(strings(db, "select id::text from outbox_event where topic = ?", topic));
        }
        return ids;
    }

    private static long unsent(Connection db, String... topics) throws SQLException {
        long unsent = 0;
        for (String topic : topics) {
            try (PreparedStatement query = db.prepareStatement("select count(*) from outbox_event where topic = ? and sent_at is null")) {
                query.setString(1, topic);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    unsent += row.getLong(1);
                }
            }
        }
        return unsent;
    }

    private static Set<String> inbox(Connection db, String consumer) throws SQLException {
        return strings(db, "select event_id from inbox_message where consumer = ?", consumer);
    }

    private static Set<String> strings(Connection db, String sql, String parameter) throws SQLException {
        Set<String> values = new HashSet<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
