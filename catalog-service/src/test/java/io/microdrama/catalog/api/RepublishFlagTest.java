package io.microdrama.catalog.api;

import io.microdrama.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ?republish=} takes true or false only: a value that is neither is refused, not read as false. */
class RepublishFlagTest {

    @Test
    void absentIsFalseAndTrueOrFalseAreThemselves() {
        assertThat(StudioDramaResource.flag("republish", null)).isFalse();
        assertThat(StudioDramaResource.flag("republish", "true")).isTrue();
        assertThat(StudioDramaResource.flag("republish", "TRUE")).isTrue();
        assertThat(StudioDramaResource.flag("republish", "false")).isFalse();
    }

    @Test
    void anythingElseIsA400NamingTheParameter() {
        for (String value : new String[] { "1", "yes", "", "ture", "0", " true" }) {
            assertThatThrownBy(() -> StudioDramaResource.flag("republish", value)).as(value)
                    .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status() + " " + problem.getMessage())
                            .isEqualTo("400 republish must be true or false"));
        }
    }
}
