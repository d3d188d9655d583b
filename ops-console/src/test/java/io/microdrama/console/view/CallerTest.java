package io.microdrama.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static String token(String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".signature";
    }

    @Test
    void opsRegionsAreExpandedToCountriesForTheBoards() {
        Caller caller = Caller.fromAccessToken(token(
                "{\"preferred_username\":\"ops-eu\",\"realm_access\":{\"roles\":[\"ops\",\"default-roles-microdrama\"]},"
                        + "\"regions\":[\"EU\"]}"));

        assertThat(caller.name()).isEqualTo("ops-eu");
        assertThat(caller.isOps()).isTrue();
        assertThat(caller.isAdmin()).isFalse();
        assertThat(caller.regions()).contains("DE", "FR").doesNotContain("EU", "US").isSorted();
    }

    @Test
    void localizerLanguagesComeFromTheToken() {
        Caller caller = Caller.fromAccessToken(token(
                "{\"preferred_username\":\"localizer-cjk\",\"realm_access\":{\"roles\":[\"localizer\"]},"
                        + "\"languages\":[\"ja\",\"ko\",\"zh\"]}"));

        assertThat(caller.isLocalizer()).isTrue();
        assertThat(caller.isOps()).isFalse();
        assertThat(caller.languages()).containsExactly("ja", "ko", "zh");
    }

    @Test
    void anUnreadableTokenGivesNobody() {
        assertThat(Caller.fromAccessToken(null).roles()).isEmpty();
        assertThat(Caller.fromAccessToken("not-a-jwt").name()).isEmpty();
        assertThat(Caller.fromAccessToken("a.%%%.c").regions()).isEmpty();
    }
}
