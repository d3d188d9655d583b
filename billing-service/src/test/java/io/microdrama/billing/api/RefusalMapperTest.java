package io.microdrama.billing.api;

import io.microdrama.billing.domain.Refusal;
import io.microdrama.support.problem.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A use case's refusal becomes the same problem+json the service answered before refusals left the api. */
class RefusalMapperTest {

    @Test
    void notFoundIs404WithTheUsualWording() {
        Problem problem = RefusalMapper.problemOf(Refusal.notFound("Drama 42")).toProblem();

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.detail()).isEqualTo("Drama 42 does not exist or is not visible to you");
    }

    @Test
    void conflictIs409() {
        Problem problem = RefusalMapper.problemOf(Refusal.conflict("Drama 42 is withdrawn")).toProblem();

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.detail()).isEqualTo("Drama 42 is withdrawn");
    }

    @Test
    void anInvalidFieldIs422NamingTheField() {
        Problem problem = RefusalMapper.problemOf(Refusal.invalid("seriesCoins", "must not exceed 450")).toProblem();

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("seriesCoins", "must not exceed 450"));
    }
}
