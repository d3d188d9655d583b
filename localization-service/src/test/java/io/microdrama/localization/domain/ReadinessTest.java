package io.microdrama.localization.domain;

import io.microdrama.localization.domain.Readiness.AcceptedTrack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessTest {

    @Test
    void readyWhenEveryEpisodeHasAnAcceptedTrackInEveryRequiredLanguage() {
        Set<AcceptedTrack> accepted = Set.of(new AcceptedTrack(1, "de"), new AcceptedTrack(2, "de"),
                new AcceptedTrack(1, "fr"), new AcceptedTrack(1, "it"), new AcceptedTrack(2, "it"));
        Readiness readiness = Readiness.of(List.of("de", "fr", "it"), List.of(1, 2), accepted);
        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.missingLanguages()).containsExactly("fr");
        assertThat(readiness.availableLanguages()).containsExactly("de", "it");

        Readiness complete = Readiness.of(List.of("de", "it"), List.of(1, 2), accepted);
        assertThat(complete.ready()).isTrue();
        assertThat(complete.missingLanguages()).isEmpty();
    }

    @Test
    void aCompleteLanguageTheRegionDoesNotListIsNotAvailableThere() {
        Readiness readiness = Readiness.of(List.of(), List.of(1), Set.of(new AcceptedTrack(1, "fr")));
        assertThat(readiness.ready()).isTrue();
        assertThat(readiness.availableLanguages()).isEmpty();
    }

    @Test
    void tracksAreMatchedOnTheExactTag() {
        Readiness readiness = Readiness.of(List.of("es-419"), List.of(1), Set.of(new AcceptedTrack(1, "es")));
        assertThat(readiness.missingLanguages()).containsExactly("es-419");
    }

    @Test
    void aDramaWithoutEpisodesIsNeverReady() {
        assertThat(Readiness.of(List.of(), List.of(), Set.of()).ready()).isFalse();
    }
}
