package io.microdrama.support.outbox;

import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxCommitListenerTest {

    @Test
    void listensOnTheApplicationsDatabaseWithItsCredentials() {
        PgConnectOptions options = OutboxCommitListener.connectOptions("vertx-reactive:postgresql://db.internal:5433/catalog",
                Optional.of("catalog"), Optional.of("secret"));

        assertThat(options.getHost()).isEqualTo("db.internal");
        assertThat(options.getPort()).isEqualTo(5433);
        assertThat(options.getDatabase()).isEqualTo("catalog");
        assertThat(options.getUser()).isEqualTo("catalog");
        assertThat(options.getPassword()).isEqualTo("secret");
    }
}
