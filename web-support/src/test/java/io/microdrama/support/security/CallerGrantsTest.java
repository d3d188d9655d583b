package io.microdrama.support.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CallerGrantsTest {

    @Test
    void regionGroupsAreExpandedAndOnlyOpsAndAdminsCoverRegions() {
        CallerGrants opsEu = CallerGrants.of("ops-eu", Set.of(Roles.OPS), null, List.of("EU"), List.of());
        assertThat(opsEu.coversRegion("DE")).isTrue();
        assertThat(opsEu.coversRegion("US")).isFalse();
        CallerGrants localizerWithRegions = CallerGrants.of("l", Set.of(Roles.LOCALIZER), null, List.of("DE"), List.of());
        assertThat(localizerWithRegions.coversRegion("DE")).isFalse();
        CallerGrants admin = CallerGrants.of("admin", Set.of(Roles.ADMIN), null, List.of(), List.of());
        assertThat(admin.coversRegion("JP")).isTrue();
    }

    @Test
    void aStudioReadsOnlyItsOwnDataAndABlankStudioIdIsNone() {
        CallerGrants aurora = CallerGrants.of("aurora", Set.of(Roles.STUDIO), "aurora", List.of(), List.of());
        assertThat(aurora.mayReadStudio("aurora")).isTrue();
        assertThat(aurora.mayReadStudio("lotus")).isFalse();
        CallerGrants blank = CallerGrants.of("odd", Set.of(Roles.STUDIO), " ", List.of(), List.of());
        assertThat(blank.studioId()).isEmpty();
        assertThat(blank.mayReadStudio(" ")).isFalse();
        CallerGrants opsWithStudioId = CallerGrants.of("ops", Set.of(Roles.OPS), "aurora", List.of(), List.of());
        assertThat(opsWithStudioId.mayReadStudio("aurora")).isFalse();
    }

    @Test
    void rolesAnswerHasAndHasAnyOf() {
        CallerGrants both = CallerGrants.of("x", Set.of(Roles.OPS, Roles.LOCALIZER), null, List.of(), List.of("es"));
        assertThat(both.has(Roles.OPS)).isTrue();
        assertThat(both.hasAnyOf(Set.of(Roles.ADMIN, Roles.LOCALIZER))).isTrue();
        assertThat(both.hasAnyOf(Set.of(Roles.ADMIN, Roles.STUDIO))).isFalse();
        assertThat(both.isAdmin()).isFalse();
        assertThat(both.languages()).containsExactly("es");
    }

    @Test
    void claimsAreReadAsPlainStringsWhateverTheirJsonForm() {
        assertThat(TokenClaims.strings(null)).isEmpty();
        assertThat(TokenClaims.strings("aurora")).containsExactly("aurora");
        assertThat(TokenClaims.strings("\"aurora\"")).containsExactly("aurora");
        assertThat(TokenClaims.strings(jakarta.json.Json.createValue("ja"))).containsExactly("ja");
        assertThat(TokenClaims.strings(List.of("\"ja\"", "ko"))).containsExactly("ja", "ko");
    }
}
