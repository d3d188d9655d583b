package io.microdrama.billing.application;

import io.microdrama.billing.persistence.PriceRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.UUID;

/** Reads a drama's stored prices, every region (active or not); who may see which is the caller's scope. */
@ApplicationScoped
public class DramaPrices {

    private final Mutiny.SessionFactory sessions;
    private final PriceRepository prices;

    public DramaPrices(Mutiny.SessionFactory sessions, PriceRepository prices) {
        this.sessions = sessions;
        this.prices = prices;
    }

    /** In region order; empty when the drama was never priced. */
    public Uni<List<StoredPrice>> of(UUID dramaId) {
        return sessions.withSession(session -> prices.pricesByRegion(session, dramaId))
                .map(rows -> rows.stream().map(StoredPrice::of).toList());
    }
}
