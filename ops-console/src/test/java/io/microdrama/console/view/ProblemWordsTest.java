package io.microdrama.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ProblemWordsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRefusalKeepsThePlatformsDetailAndSaysWhyInWords() throws Exception {
        ProblemWords.Explanation explanation = ProblemWords.explain(403, json.readTree(
                "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Your token does not cover region US\"}"));

        assertThat(explanation.status()).isEqualTo(403);
        assertThat(explanation.headline()).contains("not allowed");
        assertThat(explanation.detail()).isEqualTo("Your token does not cover region US");
        assertThat(explanation.fieldErrors()).isEmpty();
    }

    @Test
    void fieldErrorsAreListedOneByOne() throws Exception {
        ProblemWords.Explanation explanation = ProblemWords.explain(422, json.readTree(
                "{\"status\":422,\"title\":\"Unprocessable\",\"errors\":[{\"field\":\"reason\",\"message\":\"must not be blank\"},"
                        + "{\"message\":\"too many\"}]}"));

        assertThat(explanation.headline()).contains("did not accept");
        assertThat(explanation.fieldErrors()).containsExactly("reason: must not be blank", "too many");
    }

    @Test
    void failuresOfThePlatformSayWhetherTheChangeMayHaveHappened() {
        assertThat(ProblemWords.explain(504, null).headline()).contains("may or may not have been made");
        assertThat(ProblemWords.explain(503, null).headline()).contains("temporarily unavailable");
        assertThat(ProblemWords.explain(0, null).headline()).contains("could not be reached").contains("Nothing was changed");
        assertThat(ProblemWords.explain(404, null).headline()).contains("not in your regions");
        assertThat(ProblemWords.explain(418, null).headline()).contains("418");
        assertThat(ProblemWords.explain(500, null).detail()).isNull();
    }
}
