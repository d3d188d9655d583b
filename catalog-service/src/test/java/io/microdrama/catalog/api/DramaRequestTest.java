package io.microdrama.catalog.api;

import io.microdrama.catalog.api.DramaRequest.EpisodeRequest;
import io.microdrama.catalog.api.DramaRequest.LicenceRequest;
import io.microdrama.catalog.api.DramaRequest.LocalizedTextRequest;
import io.microdrama.catalog.domain.AgeRating;
import io.microdrama.catalog.domain.AgeRatingPolicy;
import io.microdrama.catalog.domain.DramaContent;
import io.microdrama.catalog.domain.Episode;
import io.microdrama.catalog.domain.Licence;
import io.microdrama.contracts.DramaLimits;
import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every field rule of a studio's drama push, good and bad; all offending fields are reported at once. */
class DramaRequestTest {

    private static final AgeRatingPolicy POLICY = AgeRatingPolicy.loadDefault();
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    private static final String CHECKSUM = "sha256:" + "a".repeat(64);

    private static EpisodeRequest episode(int number) {
        return new EpisodeRequest(number, "Episode " + number, 60, "https://cdn.example.com/" + number + ".mp4", CHECKSUM, null);
    }

    private static DramaRequest valid() {
        return new DramaRequest("  The Contract Bride ", "A marriage of convenience.", "EN", List.of("Romance", "romance "),
                List.of("CEO"), "https://img.example.com/c.jpg",
                Map.of("ja", new LocalizedTextRequest(" 契約の花嫁 ", null)), Map.of("DE", "fsk:12"), "standard",
                List.of(episode(1), episode(2)), List.of(new LicenceRequest("GB", FROM, UNTIL, true)));
    }

    private static DramaRequest with(UnaryOperator<Builder> change) {
        return change.apply(new Builder(valid())).build();
    }

    /** The fields the request refuses, or an empty list when it is accepted. */
    private static List<String> refused(DramaRequest request) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> request.toContent(POLICY));
        if (problem == null) {
            return List.of();
        }
        assertThat(problem.status()).isEqualTo(422);
        return problem.toProblem().errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aValidRequestBecomesContentWithCanonicalValues() {
        DramaContent content = valid().toContent(POLICY);
        assertThat(content.title()).isEqualTo("The Contract Bride");
        assertThat(content.originalLanguage()).isEqualTo("en");
        assertThat(content.genres()).containsExactly("romance");
        assertThat(content.tags()).containsExactly("ceo");
        assertThat(content.localizations().get("ja").title()).isEqualTo("契約の花嫁");
        assertThat(content.ageRatings()).containsExactly(new AgeRating("DE", "fsk", "12"));
        assertThat(content.episodes()).extracting(Episode::aspectRatio).containsOnly(Episode.VERTICAL);
        assertThat(content.licences()).containsExactly(new Licence("GB", FROM, UNTIL, true));
    }

    @Test
    void regionGroupsAreExpandedToCountries() {
        DramaContent content = with(b -> b.licences(List.of(new LicenceRequest("EU", FROM, null, null)))).toContent(POLICY);
        assertThat(content.licences()).extracting(Licence::region).contains("DE", "FR", "IT").doesNotContain("EU", "GB");
        assertThat(content.licences()).allMatch(l -> !l.exclusive() && l.validUntil() == null);
    }

    @Test
    void title() {
        assertThat(refused(with(b -> b.title(null)))).containsExactly("title");
        assertThat(refused(with(b -> b.title("  ")))).containsExactly("title");
        assertThat(refused(with(b -> b.title("x".repeat(DramaLimits.MAX_TITLE))))).isEmpty();
        assertThat(refused(with(b -> b.title("x".repeat(DramaLimits.MAX_TITLE + 1))))).containsExactly("title");
    }

    @Test
    void synopsis() {
        assertThat(refused(with(b -> b.synopsis(null)))).isEmpty();
        assertThat(refused(with(b -> b.synopsis("x".repeat(DramaLimits.MAX_SYNOPSIS))))).isEmpty();
        assertThat(refused(with(b -> b.synopsis("x".repeat(DramaLimits.MAX_SYNOPSIS + 1))))).containsExactly("synopsis");
    }

    @Test
    void originalLanguage() {
        assertThat(refused(with(b -> b.originalLanguage("es-419")))).isEmpty();
        assertThat(refused(with(b -> b.originalLanguage(null)))).containsExactly("originalLanguage");
        assertThat(refused(with(b -> b.originalLanguage("english")))).containsExactly("originalLanguage");
    }

    @Test
    void pricingTier() {
        assertThat(refused(with(b -> b.pricingTier("premium-2")))).isEmpty();
        assertThat(refused(with(b -> b.pricingTier(null)))).containsExactly("pricingTier");
        assertThat(refused(with(b -> b.pricingTier("Premium")))).containsExactly("pricingTier");
    }

    @Test
    void genresAndTags() {
        assertThat(refused(with(b -> b.genres(null).tags(null)))).isEmpty();
        assertThat(refused(with(b -> b.genres(Collections.nCopies(DramaLimits.MAX_LABELS, "romance"))))).isEmpty();
        assertThat(refused(with(b -> b.genres(Collections.nCopies(DramaLimits.MAX_LABELS + 1, "romance")))))
                .containsExactly("genres");
        assertThat(refused(with(b -> b.tags(List.of("ok", "<script>"))))).containsExactly("tags[1]");
        assertThat(refused(with(b -> b.tags(List.of("x".repeat(41)))))).containsExactly("tags[0]");
    }

    @Test
    void coverImageUri() {
        assertThat(refused(with(b -> b.coverImageUri(null)))).isEmpty();
        assertThat(refused(with(b -> b.coverImageUri("s3://bucket/c.jpg")))).containsExactly("coverImageUri");
        assertThat(refused(with(b -> b.coverImageUri("/relative.jpg")))).containsExactly("coverImageUri");
    }

    @Test
    void localizations() {
        assertThat(refused(with(b -> b.localizations(Map.of("klingon!", new LocalizedTextRequest("t", null))))))
                .containsExactly("localizations.klingon!");
        assertThat(refused(with(b -> b.localizations(Map.of("ja", new LocalizedTextRequest(" ", null))))))
                .containsExactly("localizations.ja.title");
        assertThat(refused(with(b -> b.localizations(Map.of("ja", new LocalizedTextRequest("x".repeat(DramaLimits.MAX_TITLE + 1), null))))))
                .containsExactly("localizations.ja.title");
        assertThat(refused(with(b -> b.localizations(Map.of("ja", new LocalizedTextRequest("t", "x".repeat(DramaLimits.MAX_SYNOPSIS + 1)))))))
                .containsExactly("localizations.ja.synopsis");
    }

    @Test
    void ageRatings() {
        assertThat(refused(with(b -> b.ageRatings(Map.of("XX", "fsk:12"))))).containsExactly("ageRatings.XX");
        assertThat(refused(with(b -> b.ageRatings(Map.of("DE", "twelve"))))).containsExactly("ageRatings.DE");
        assertThat(refused(with(b -> b.ageRatings(Map.of("DE", "bbfc:12"))))).as("DE rates with fsk").containsExactly("ageRatings.DE");
        assertThat(refused(with(b -> b.ageRatings(Map.of("ZA", "fpb:13"))))).as("no system on file: any").isEmpty();
    }

    @Test
    void episodes() {
        assertThat(refused(with(b -> b.episodes(null)))).containsExactly("episodes");
        assertThat(refused(with(b -> b.episodes(List.of())))).containsExactly("episodes");
        assertThat(refused(with(b -> b.episodes(IntStream.rangeClosed(1, DramaLimits.MAX_EPISODES).mapToObj(DramaRequestTest::episode).toList()))))
                .isEmpty();
        assertThat(refused(with(b -> b.episodes(IntStream.rangeClosed(1, DramaLimits.MAX_EPISODES + 1).mapToObj(DramaRequestTest::episode).toList()))))
                .containsExactly("episodes");
        assertThat(refused(with(b -> b.episodes(List.of(episode(1), episode(3)))))).containsExactly("episodes[1].number");
        assertThat(refused(with(b -> b.episodes(List.of(episode(1), episode(1)))))).containsExactly("episodes[1].number");
    }

    @Test
    void episodeFields() {
        assertThat(refused(episodeWith(new EpisodeRequest(1, null, DramaLimits.MIN_EPISODE_SECONDS, "s3://b/1.mp4", CHECKSUM, "16:9"))))
                .isEmpty();
        assertThat(refused(episodeWith(new EpisodeRequest(1, null, DramaLimits.MAX_EPISODE_SECONDS, "gs://b/1.mp4", CHECKSUM, null))))
                .isEmpty();
        assertThat(refused(episodeWith(new EpisodeRequest(1, null, DramaLimits.MIN_EPISODE_SECONDS - 1, "https://c/1.mp4", CHECKSUM, null))))
                .containsExactly("episodes[0].durationSeconds");
        assertThat(refused(episodeWith(new EpisodeRequest(1, null, DramaLimits.MAX_EPISODE_SECONDS + 1, "https://c/1.mp4", CHECKSUM, null))))
                .containsExactly("episodes[0].durationSeconds");
        assertThat(refused(episodeWith(new EpisodeRequest(1, null, null, "https://c/1.mp4", CHECKSUM, null))))
                .containsExactly("episodes[0].durationSeconds");
        assertThat(refused(episodeWith(new EpisodeRequest(1, "x".repeat(DramaLimits.MAX_TITLE + 1), 60, "https://c/1.mp4", CHECKSUM, null))))
                .containsExactly("episodes[0].title");
        assertThat(refused(episodeWith(new EpisodeRequest(1, null, 60, "ftp://c/1.mp4", CHECKSUM, null))))
                .containsExactly("episodes[0].videoUri");
        assertThat(refused(episodeWith(new EpisodeRequest(1, null, 60, "https://c/1.mp4", "md5:abc", null))))
                .containsExactly("episodes[0].videoChecksum");
        assertThat(refused(episodeWith(new EpisodeRequest(1, null, 60, "https://c/1.mp4", CHECKSUM, "vertical"))))
                .containsExactly("episodes[0].aspectRatio");
    }

    @Test
    void licences() {
        assertThat(refused(with(b -> b.licences(null)))).isEmpty();
        assertThat(refused(with(b -> b.licences(List.of(new LicenceRequest("Mars", FROM, null, null))))))
                .containsExactly("licences[0].region");
        assertThat(refused(with(b -> b.licences(List.of(new LicenceRequest("GB", null, null, null))))))
                .containsExactly("licences[0].validFrom");
        assertThat(refused(with(b -> b.licences(List.of(new LicenceRequest("GB", FROM, FROM, null))))))
                .containsExactly("licences[0].validUntil");
        assertThat(refused(with(b -> b.licences(List.of(new LicenceRequest("EU", FROM, null, null),
                new LicenceRequest("DE", FROM, null, null)))))).containsExactly("licences");
    }

    @Test
    void everyOffendingFieldIsReportedAtOnce() {
        assertThat(refused(with(b -> b.title(null).originalLanguage("??").pricingTier(null).episodes(null))))
                .containsExactlyInAnyOrder("title", "originalLanguage", "pricingTier", "episodes");
    }

    private static DramaRequest episodeWith(EpisodeRequest episode) {
        return with(b -> b.episodes(List.of(episode)));
    }

    /** Changes one field of a request at a time. */
    private static final class Builder {
        private String title;
        private String synopsis;
        private String originalLanguage;
        private List<String> genres;
        private List<String> tags;
        private String coverImageUri;
        private Map<String, LocalizedTextRequest> localizations;
        private Map<String, String> ageRatings;
        private String pricingTier;
        private List<EpisodeRequest> episodes;
        private List<LicenceRequest> licences;

        Builder(DramaRequest r) {
            title = r.title();
            synopsis = r.synopsis();
            originalLanguage = r.originalLanguage();
            genres = r.genres();
            tags = r.tags();
            coverImageUri = r.coverImageUri();
            localizations = r.localizations();
            ageRatings = r.ageRatings();
            pricingTier = r.pricingTier();
            episodes = r.episodes() == null ? null : new ArrayList<>(r.episodes());
            licences = r.licences();
        }

        Builder title(String v) { title = v; return this; }
        Builder synopsis(String v) { synopsis = v; return this; }
        Builder originalLanguage(String v) { originalLanguage = v; return this; }
        Builder genres(List<String> v) { genres = v; return this; }
        Builder tags(List<String> v) { tags = v; return this; }
        Builder coverImageUri(String v) { coverImageUri = v; return this; }
        Builder localizations(Map<String, LocalizedTextRequest> v) { localizations = v; return this; }
        Builder ageRatings(Map<String, String> v) { ageRatings = v; return this; }
        Builder pricingTier(String v) { pricingTier = v; return this; }
        Builder episodes(List<EpisodeRequest> v) { episodes = v; return this; }
        Builder licences(List<LicenceRequest> v) { licences = v; return this; }

        DramaRequest build() {
            return new DramaRequest(title, synopsis, originalLanguage, genres, tags, coverImageUri, localizations,
                    ageRatings, pricingTier, episodes, licences);
        }
    }
}
