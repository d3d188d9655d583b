package io.microdrama.support.audit;

import io.microdrama.contracts.events.AuditRecorded;
import io.microdrama.support.security.CallerGrants;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailTest {

    private static final UUID DRAMA = UUID.fromString("0b6f6c1e-3f7a-4c2e-9a57-5d2f1c9e8b10");

    @Test
    void changesKeepOnlyTheValuesThatDiffer() {
        AuditChanges changes = AuditChanges.of(Map.of("title", "Old", "genres", List.of("romance"), "tier", "standard"),
                Map.of("title", "New", "genres", List.of("romance"), "ageRatings", List.of("DE fsk 12")));

        assertThat(changes.before()).containsOnly(Map.entry("title", "Old"), Map.entry("tier", "standard"));
        assertThat(changes.after()).containsOnly(Map.entry("title", "New"), Map.entry("ageRatings", List.of("DE fsk 12")));
    }

    @Test
    void aSideThatDidNotExistStaysNullAndEqualValuesAreNoChange() {
        assertThat(AuditChanges.of(null, Map.of("name", "Aurora")).before()).isNull();
        assertThat(AuditChanges.of(null, Map.of("name", "Aurora")).after()).containsEntry("name", "Aurora");
        assertThat(AuditChanges.of(Map.of("a", 1), Map.of("a", 1)).isEmpty()).isTrue();
        assertThat(AuditChanges.none().isEmpty()).isTrue();
    }

    @Test
    void theActorActsInItsMostPrivilegedRole() {
        CallerGrants opsAndAdmin = CallerGrants.of("alice", List.of("ops", "admin"), null, List.of("BR"), List.of());
        CallerGrants studio = CallerGrants.of("service-account-aurora", List.of("studio"), "studio-aurora", List.of(), List.of());

        assertThat(Actor.of(opsAndAdmin)).isEqualTo(new Actor("alice", "admin"));
        assertThat(Actor.of(studio)).isEqualTo(new Actor("service-account-aurora", "studio"));
        assertThatThrownBy(() -> new Actor(" ", "ops")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyIsTheDramaWhenThereIsOneElseTheEntity() {
        assertThat(AuditSubject.dramaInRegion("rollout", DRAMA, "studio-aurora", "BR").key()).isEqualTo(DRAMA.toString());
        assertThat(AuditSubject.of("studio", "studio-aurora", "studio-aurora", List.of()).key()).isEqualTo("studio-aurora");
        assertThat(AuditSubject.drama(DRAMA, "s", List.of("DE", "BR", "DE")).regions()).containsExactly("BR", "DE");
    }

    @Test
    void theEventCarriesWhoWhatWhenWhyAndBeforeAfter() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
        AuditRecorded event = AuditTrail.event(new Actor("ops-br", "ops"), AuditRecorded.Action.HOLD_PLACED,
                AuditSubject.dramaInRegion("rollout", DRAMA, "studio-aurora", "BR"), "Legal review",
                AuditChanges.of(Map.of("onHold", false), Map.of("onHold", true)), AuditTrail.serviceName("/catalog"), clock);

        assertThat(event).isEqualTo(new AuditRecorded("ops-br", "ops", "HOLD_PLACED", clock.instant(), "catalog",
                "rollout", DRAMA + "/BR", DRAMA.toString(), "studio-aurora", List.of("BR"), "Legal review",
                Map.of("onHold", false), Map.of("onHold", true)));
    }
}
