package io.microdrama.catalog.application;

import io.microdrama.catalog.domain.RegionalRollout;
import io.microdrama.catalog.persistence.DramaRepository;
import io.microdrama.support.inbox.Inbox;
import io.microdrama.support.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The answers of localization and billing for one (drama, region). Each is applied at most once per event id, in one
 * transaction with its inbox row, and only for its drama version or a newer one: stale versions, duplicates and
 * regions no longer licensed change nothing. The row is locked first (see {@link DramaRepository#rolloutForUpdate}).
 */
@ApplicationScoped
public class RolloutAnswers {

    /** Inbox consumer names: an event id counts once per consumer. */
    public static final String READINESS_CONSUMER = "catalog.localization-readiness";
    public static final String PRICING_CONSUMER = "catalog.billing-pricing";
    private static final Logger LOG = Logger.getLogger(RolloutAnswers.class);

    private final Inbox inbox;
    private final DramaRepository dramas;
    private final StorefrontCache storefront;
    private final Clock clock;

    public RolloutAnswers(Inbox inbox, DramaRepository dramas, StorefrontCache storefront, Clock clock) {
        this.clock = clock;
        this.inbox = inbox;
        this.dramas = dramas;
        this.storefront = storefront;
    }

    /** What localization said about one region: every episode has accepted subtitles in its languages, or not. */
    public record Readiness(UUID dramaId, String region, long dramaVersion, boolean ready, List<String> missingLanguages,
            List<String> availableLanguages) {
    }

    /** The regional price billing set for one drama version. */
    public record Price(UUID dramaId, String region, long dramaVersion, String currency, long amountMinor, int minorUnits,
            int coinsPerEpisode, int freeEpisodes) {
    }

    /** Applies a readiness answer once per CloudEvent id, in one transaction with its inbox row. */
    public Uni<Void> applyReadiness(IncomingEvent event, Readiness readiness) {
        return inbox.once(READINESS_CONSUMER, event, session -> apply(session,
                new RegionalRollout.Key(readiness.dramaId(), readiness.region()),
                rollout -> rollout.applyReadiness(readiness.dramaVersion(), readiness.ready(),
                        readiness.missingLanguages(), readiness.availableLanguages()),
                "readiness v" + readiness.dramaVersion()))
                // After the commit: this replica's cache at once (the NOTIFY of the change reaches every replica).
                .invoke(() -> storefront.invalidateRegion(readiness.region()));
    }

    /** Applies a price once per CloudEvent id, in one transaction with its inbox row. */
    public Uni<Void> applyPrice(IncomingEvent event, Price price) {
        return inbox.once(PRICING_CONSUMER, event, session -> apply(session,
                new RegionalRollout.Key(price.dramaId(), price.region()),
                rollout -> rollout.applyPrice(price.dramaVersion(), price.currency(), price.amountMinor(),
                        price.minorUnits(), price.coinsPerEpisode(), price.freeEpisodes()),
                "price v" + price.dramaVersion()))
                .invoke(() -> storefront.invalidateRegion(price.region()));
    }

    private Uni<Void> apply(Mutiny.Session session, RegionalRollout.Key key, Predicate<RegionalRollout> answer, String what) {
        return dramas.rolloutForUpdate(session, key).chain(rollout -> {
            if (rollout == null) {
                LOG.debugf("%s for unlicensed %s/%s ignored", what, key.dramaId(), key.region());
                return Uni.createFrom().voidItem();
            }
            if (!answer.test(rollout)) {
                LOG.debugf("Stale %s for %s/%s ignored", what, key.dramaId(), key.region());
                return Uni.createFrom().voidItem();
            }
            rollout.recordProgress(clock.instant());
            return dramas.updateRollouts(session, List.of(rollout));
        });
    }
}
