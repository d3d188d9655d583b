package io.microdrama.support.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RelayPacerTest {

    private final RelayPacer pacer = new RelayPacer(new RelayBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5)));

    @Test
    void nothingRunsBeforeOpenOrAfterClose() {
        assertThat(pacer.wake()).isFalse();
        pacer.open();
        assertThat(pacer.wake()).isTrue();
        pacer.close();
        assertThat(pacer.roundEnded(false, true)).isInstanceOf(RelayPacer.Idle.class);
        assertThat(pacer.wake()).isFalse();
        assertThat(pacer.pauseEnded()).isFalse();
    }

    @Test
    void oneRoundAtATimeAndAWakeUpDuringARoundRunsAnotherRightAfterIt() {
        pacer.open();
        assertThat(pacer.wake()).isTrue();
        assertThat(pacer.wake()).isFalse();
        assertThat(pacer.wake()).isFalse();

        assertThat(pacer.roundEnded(false, false)).isInstanceOf(RelayPacer.RunAgain.class);
        assertThat(pacer.wake()).as("the follow-up round is running").isFalse();
        assertThat(pacer.roundEnded(false, false)).as("woken once more during the follow-up").isInstanceOf(RelayPacer.RunAgain.class);
        assertThat(pacer.roundEnded(false, false)).isInstanceOf(RelayPacer.Idle.class);
        assertThat(pacer.wake()).isTrue();
    }

    @Test
    void aFullBatchDrainsBackToBackWithoutAnyWakeUp() {
        pacer.open();
        assertThat(pacer.wake()).isTrue();
        assertThat(pacer.roundEnded(false, true)).isInstanceOf(RelayPacer.RunAgain.class);
        assertThat(pacer.roundEnded(false, true)).isInstanceOf(RelayPacer.RunAgain.class);
        assertThat(pacer.roundEnded(false, false)).isInstanceOf(RelayPacer.Idle.class);
    }

    @Test
    void failuresPauseWithDoublingBackOffThatWakeUpsDoNotShortenAndSuccessResets() {
        pacer.open();
        assertThat(pacer.wake()).isTrue();
        assertThat(pacer.roundEnded(true, true)).isEqualTo(new RelayPacer.Pause(Duration.ofSeconds(1)));
        assertThat(pacer.wake()).as("commits during the pause wait for it").isFalse();
        assertThat(pacer.pauseEnded()).isTrue();
        assertThat(pacer.roundEnded(true, false)).isEqualTo(new RelayPacer.Pause(Duration.ofSeconds(2)));
        assertThat(pacer.pauseEnded()).isTrue();
        assertThat(pacer.roundEnded(true, false)).isEqualTo(new RelayPacer.Pause(Duration.ofSeconds(4)));
        assertThat(pacer.pauseEnded()).isTrue();
        assertThat(pacer.roundEnded(true, false)).isEqualTo(new RelayPacer.Pause(Duration.ofSeconds(5)));
        assertThat(pacer.pauseEnded()).isTrue();
        assertThat(pacer.roundEnded(false, false)).as("the wake-up of the pause was served").isInstanceOf(RelayPacer.Idle.class);
        assertThat(pacer.wake()).isTrue();
        assertThat(pacer.roundEnded(true, false)).isEqualTo(new RelayPacer.Pause(Duration.ofSeconds(1)));
    }
}
