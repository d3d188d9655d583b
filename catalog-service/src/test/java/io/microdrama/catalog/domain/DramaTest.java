package io.microdrama.catalog.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The drama aggregate's rules: content changes, publication versions, unpublished changes, withdrawal. */
class DramaTest {

    /** Equal content, equal string: enough for the rules, which only compare fingerprints. */
    private static final ContentFingerprint FINGERPRINT = content -> Integer.toHexString(content.toString().hashCode());
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);

    private static DramaContent content(String title, int episodes) {
        List<Episode> list = java.util.stream.IntStream.rangeClosed(1, episodes)
                .mapToObj(n -> new Episode(n, "Episode " + n, 60, "https://cdn.example.com/" + n + ".mp4",
                        "sha256:" + "0".repeat(64), Episode.VERTICAL)).toList();
        return new DramaContent(title, "synopsis", "en", List.of("romance"), List.of(), null,
                Map.of("ja", new LocalizedText("契約の花嫁", null)), List.of(new AgeRating("DE", "fsk", "12")), "standard",
                list, List.of(new Licence("DE", T0, null, false)));
    }

    private static Drama drama(DramaContent content) {
        Drama drama = Drama.draft("aurora", "ext-1", FINGERPRINT);
        drama.applyContent(content, T0);
        return drama;
    }

    @Test
    void aDraftHasItsContentAndNoVersion() {
        Drama drama = drama(content("The Contract Bride", 3));
        assertThat(drama.status).isEqualTo(DramaStatus.DRAFT);
        assertThat(drama.id).isNotNull();
        assertThat(drama.dramaVersion).isZero();
        assertThat(drama.episodeCount).isEqualTo(3);
        assertThat(drama.updatedAt).isEqualTo(T0);
        assertThat(drama.content()).isEqualTo(content("The Contract Bride", 3));
        assertThat(drama.hasUnpublishedChanges()).as("never published").isFalse();
        assertThat(drama.isPublishedAsIs()).isFalse();
    }

    @Test
    void identicalContentIsANoOp() {
        Drama drama = drama(content("The Contract Bride", 3));
        assertThat(drama.applyContent(content("The Contract Bride", 3), T1)).isFalse();
        assertThat(drama.updatedAt).isEqualTo(T0);
        assertThat(drama.applyContent(content("The Contract Bride II", 3), T1)).isTrue();
        assertThat(drama.title).isEqualTo("The Contract Bride II");
        assertThat(drama.updatedAt).isEqualTo(T1);
    }

    @Test
    void publishingMakesTheContentTheNextVersion() {
        Drama drama = drama(content("The Contract Bride", 3));
        drama.publish(T1);
        assertThat(drama.status).isEqualTo(DramaStatus.PUBLISHED);
        assertThat(drama.dramaVersion).isEqualTo(1);
        assertThat(drama.publishedAt).isEqualTo(T1);
        assertThat(drama.publishedEpisodes).isEqualTo(3);
        assertThat(drama.publishedFingerprint).isEqualTo(FINGERPRINT.of(drama.content()));
        assertThat(drama.isPublishedAsIs()).isTrue();
        assertThat(drama.hasUnpublishedChanges()).isFalse();
        drama.applyContent(content("The Contract Bride", 4), T2);
        assertThat(drama.isPublishedAsIs()).isFalse();
        assertThat(drama.hasUnpublishedChanges()).isTrue();
        drama.publish(T2);
        assertThat(drama.dramaVersion).isEqualTo(2);
        assertThat(drama.publishedEpisodes).isEqualTo(4);
        assertThat(drama.hasUnpublishedChanges()).isFalse();
    }

    @Test
    void changingBackToThePublishedContentLeavesNoUnpublishedChanges() {
        Drama drama = drama(content("The Contract Bride", 3));
        drama.publish(T1);
        drama.applyContent(content("Draft title", 3), T2);
        assertThat(drama.hasUnpublishedChanges()).isTrue();
        drama.applyContent(content("The Contract Bride", 3), T2);
        assertThat(drama.hasUnpublishedChanges()).isFalse();
    }

    @Test
    void fewerEpisodesThanPublishedRemovesPublishedEpisodes() {
        Drama drama = drama(content("The Contract Bride", 3));
        assertThat(drama.removesPublishedEpisodes(content("The Contract Bride", 1))).as("draft").isFalse();
        drama.publish(T1);
        assertThat(drama.removesPublishedEpisodes(content("The Contract Bride", 2))).isTrue();
        assertThat(drama.removesPublishedEpisodes(content("The Contract Bride", 3))).isFalse();
        assertThat(drama.removesPublishedEpisodes(content("The Contract Bride", 5))).isFalse();
    }

    @Test
    void aDramaWithoutEpisodesCannotBePublished() {
        Drama drama = Drama.draft("aurora", "ext-1", FINGERPRINT);
        assertThatThrownBy(() -> drama.publish(T1)).isInstanceOf(IllegalStateException.class);
        assertThat(drama.dramaVersion).isZero();
    }

    @Test
    void withdrawingIsANewVersionAndOnlyForPublishedDramas() {
        Drama drama = drama(content("The Contract Bride", 3));
        assertThatThrownBy(() -> drama.withdraw(T1)).isInstanceOf(CatalogException.class)
                .extracting(e -> ((CatalogException) e).kind()).isEqualTo(CatalogException.Kind.CONFLICT);
        drama.publish(T1);
        drama.withdraw(T2);
        assertThat(drama.status).isEqualTo(DramaStatus.WITHDRAWN);
        assertThat(drama.dramaVersion).isEqualTo(2);
        assertThat(drama.updatedAt).isEqualTo(T2);
        assertThat(drama.hasUnpublishedChanges()).as("withdrawn").isFalse();
        assertThatThrownBy(() -> drama.withdraw(T2)).isInstanceOf(CatalogException.class);
    }

    @Test
    void theAgeRatingOfARegionIsFoundByCountry() {
        Drama drama = drama(content("The Contract Bride", 3));
        assertThat(drama.ageRatingIn("DE")).map(AgeRating::label).contains("fsk:12");
        assertThat(drama.ageRatingIn("FR")).isEmpty();
    }

    @Test
    void onlyAnActiveRegisteredStudioMayChangeContent() {
        Studio studio = Studio.register("aurora", "Aurora", "admin", T0);
        Studio.requireActive(studio, "aurora");
        assertThat(studio.update("Aurora", true, T1)).as("same: no-op").isFalse();
        assertThat(studio.update("Aurora", false, T1)).isTrue();
        assertThatThrownBy(() -> Studio.requireActive(studio, "aurora")).isInstanceOf(CatalogException.class)
                .hasMessageContaining("not active");
        assertThatThrownBy(() -> Studio.requireActive(null, "nobody")).isInstanceOf(CatalogException.class)
                .hasMessageContaining("not registered");
    }
}
