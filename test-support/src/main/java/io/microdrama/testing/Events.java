package io.microdrama.testing;

import io.microdrama.contracts.events.DramaPublished;
import io.microdrama.contracts.events.DramaPublished.AgeRating;
import io.microdrama.contracts.events.DramaPublished.Episode;
import io.microdrama.contracts.events.DramaPublished.Licence;
import io.microdrama.contracts.events.DramaWithdrawn;
import io.microdrama.contracts.events.PricingSet;
import io.microdrama.contracts.events.ReadinessChanged;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The contracts' events as tests need them: valid by default, changed only where a test says so. What a service
 * receives in a test is then the record its producer would send, not a hand-written JSON string.
 */
public final class Events {

    /** When test events claim to have happened: fixed, so that reruns produce the same payloads. */
    public static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    /** Licences in tests start here unless a test says otherwise: open today. */
    public static final Instant LICENSED_FROM = Instant.parse("2025-01-01T00:00:00Z");

    private Events() {
    }

    public static String newDramaId() {
        return UUID.randomUUID().toString();
    }

    /** A drama as catalog publishes it, with a fresh id: studio aurora, English, standard tier, two 90 s episodes. */
    public static PublishedDrama drama() {
        return new PublishedDrama(newDramaId());
    }

    public static PublishedDrama drama(String dramaId) {
        return new PublishedDrama(dramaId);
    }

    public static DramaWithdrawn withdrawn(String dramaId, long version, String studioId) {
        return new DramaWithdrawn(dramaId, version, studioId, AT.plusSeconds(86_400));
    }

    /** localization's answer for one region; required = missing + available. */
    public static ReadinessChanged readiness(String dramaId, long version, String region, List<String> missing,
            List<String> available) {
        List<String> required = new ArrayList<>(missing);
        available.stream().filter(language -> !required.contains(language)).forEach(required::add);
        return new ReadinessChanged(dramaId, version, region, missing.isEmpty(), required, missing, available, AT);
    }

    /** billing's answer for one region: the standard tier's numbers at a display price in minor units (2 digits). */
    public static PricingSet price(String dramaId, long version, String region, String currency, long amountMinor) {
        return new PricingSet(dramaId, version, region, "standard", 5, 60, 0,
                new PricingSet.Money(amountMinor, currency, 2), true, PricingSet.Source.TIER, AT,
                PricingSet.Cause.PUBLICATION.name());
    }

    /** A {@link DramaPublished} under construction; {@link #at(long)} gives the event of one version. */
    public static final class PublishedDrama {
        private final String dramaId;
        private String studioId = "aurora";
        private String externalId;
        private String title = "The Contract Bride";
        private String originalLanguage = "en";
        private String pricingTier = "standard";
        private List<Integer> episodeSeconds = List.of(90, 90);
        private final List<Licence> licences = new ArrayList<>();
        private final List<AgeRating> ageRatings = new ArrayList<>();

        private PublishedDrama(String dramaId) {
            this.dramaId = dramaId;
            this.externalId = "ext-" + dramaId.substring(0, Math.min(8, dramaId.length()));
        }

        public String id() {
            return dramaId;
        }

        public String studioId() {
            return studioId;
        }

        public String externalId() {
            return externalId;
        }

        public PublishedDrama studio(String studio) {
            this.studioId = studio;
            return this;
        }

        public PublishedDrama externalId(String id) {
            this.externalId = id;
            return this;
        }

        public PublishedDrama title(String text) {
            this.title = text;
            return this;
        }

        public PublishedDrama originalLanguage(String tag) {
            this.originalLanguage = tag;
            return this;
        }

        public PublishedDrama tier(String tier) {
            this.pricingTier = tier;
            return this;
        }

        /** Episodes 1..n with these lengths in seconds. */
        public PublishedDrama episodeSeconds(List<Integer> seconds) {
            this.episodeSeconds = List.copyOf(seconds);
            return this;
        }

        public PublishedDrama episodes(int count, int seconds) {
            return episodeSeconds(IntStream.range(0, count).mapToObj(i -> seconds).toList());
        }

        /** Open-ended, non-exclusive licences from {@link #LICENSED_FROM} in each country, replacing earlier ones. */
        public PublishedDrama licensedIn(String... regions) {
            return licensedIn(List.of(regions));
        }

        public PublishedDrama licensedIn(List<String> regions) {
            licences.clear();
            regions.forEach(region -> licences.add(new Licence(region, LICENSED_FROM, null, false)));
            return this;
        }

        /** One more licence with its own window ({@code until} null = open-ended). */
        public PublishedDrama licence(String region, Instant from, Instant until) {
            licences.add(new Licence(region, from, until, false));
            return this;
        }

        public PublishedDrama ageRating(String region, String system, String value) {
            ageRatings.add(new AgeRating(region, system, value));
            return this;
        }

        /** The drama.published event of this version. */
        public DramaPublished at(long version) {
            List<Episode> episodes = IntStream.range(0, episodeSeconds.size())
                    .mapToObj(i -> new Episode(i + 1, "Episode " + (i + 1), episodeSeconds.get(i))).toList();
            return new DramaPublished(dramaId, version, studioId, externalId, title, originalLanguage,
                    Arrays.asList("romance"), pricingTier, Map.of(), episodes, List.copyOf(licences),
                    List.copyOf(ageRatings), AT);
        }

        public DramaWithdrawn withdrawnAt(long version) {
            return withdrawn(dramaId, version, studioId);
        }
    }
}
