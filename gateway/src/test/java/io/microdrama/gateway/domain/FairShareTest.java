package io.microdrama.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The order in which waiting pushes get a service's slots, driven by hand: who started is recorded, nothing sleeps. */
class FairShareTest {

    private final List<String> started = new ArrayList<>();

    private FairShare.Turn push(FairShare share, String studio, String name) {
        return share.request(studio, 100, turn -> started.add(name));
    }

    @Test
    void pushesStartAtOnceWhileSlotsAreFree() {
        FairShare share = new FairShare(2, 10, 10_000);
        push(share, "aurora", "a1");
        push(share, "aurora", "a2");
        push(share, "aurora", "a3");
        assertThat(started).containsExactly("a1", "a2");
        assertThat(share.running()).isEqualTo(2);
        assertThat(share.waiting()).isEqualTo(1);
    }

    @Test
    void aFreedSlotGoesToTheNextStudioInTurnNotToTheLongestQueue() {
        FairShare share = new FairShare(2, 10, 10_000);
        FairShare.Turn a1 = push(share, "aurora", "a1");
        FairShare.Turn a2 = push(share, "aurora", "a2");
        FairShare.Turn a3 = push(share, "aurora", "a3");
        push(share, "aurora", "a4");
        push(share, "aurora", "a5");
        push(share, "lotus", "l1"); // a small studio's one publication, behind three of the import's
        a1.end();
        assertThat(started).containsExactly("a1", "a2", "a3");
        a2.end();
        assertThat(started).as("lotus's turn comes before aurora's fourth").containsExactly("a1", "a2", "a3", "l1");
        a3.end();
        assertThat(started).endsWith("a4");
    }

    @Test
    void studiosAlternateWhileBothHaveWaitingPushes() {
        FairShare share = new FairShare(1, 10, 10_000);
        Map<String, FairShare.Turn> turns = new HashMap<>();
        for (String name : List.of("a1", "a2", "a3", "a4", "l1", "l2", "m1")) {
            String studio = switch (name.charAt(0)) {
                case 'a' -> "aurora";
                case 'l' -> "lotus";
                default -> "mizu";
            };
            turns.put(name, push(share, studio, name));
        }
        for (int i = 0; i < turns.size(); i++) {
            turns.get(started.get(i)).end(); // the running push is answered; the next in turn starts
        }
        assertThat(started).containsExactly("a1", "a2", "l1", "m1", "a3", "l2", "a4");
        assertThat(share.running()).isZero();
        assertThat(share.waiting()).isZero();
    }

    @Test
    void aStudioMayQueueOnlyUpToItsBoundAndTheBytesUpToTheirs() {
        FairShare share = new FairShare(1, 2, 250);
        push(share, "aurora", "a1");
        assertThat(push(share, "aurora", "a2")).isNotNull();
        assertThat(push(share, "aurora", "a3")).isNotNull();
        assertThat(push(share, "aurora", "a4")).as("aurora's queue is full").isNull();
        assertThat(push(share, "lotus", "l1")).as("300 bytes would wait, over the bound of 250").isNull();
        assertThat(share.waiting()).isEqualTo(2);
    }

    @Test
    void anAbandonedWaitingPushLeavesTheQueueAndFreesItsBytes() {
        FairShare share = new FairShare(1, 5, 200);
        FairShare.Turn a1 = push(share, "aurora", "a1");
        FairShare.Turn a2 = push(share, "aurora", "a2");
        push(share, "lotus", "l1");
        a2.end(); // the caller went away, or waited too long
        assertThat(push(share, "mizu", "m1")).as("a2's bytes are free again").isNotNull();
        a1.end();
        assertThat(started).containsExactly("a1", "l1");
        assertThat(share.waiting()).isEqualTo(1);
    }

    @Test
    void endingATurnTwiceFreesOneSlot() {
        FairShare share = new FairShare(1, 5, 10_000);
        FairShare.Turn a1 = push(share, "aurora", "a1");
        push(share, "aurora", "a2");
        push(share, "aurora", "a3");
        a1.end();
        a1.end();
        assertThat(started).containsExactly("a1", "a2");
        assertThat(share.running()).isEqualTo(1);
    }

    @Test
    void aNewPushWaitsBehindTheQueueEvenWhenASlotIsFree() {
        // A slot is only ever free with pushes waiting between a freed slot and its hand-over; a newcomer must not
        // overtake them then either.
        FairShare share = new FairShare(1, 5, 10_000);
        FairShare.Turn a1 = push(share, "aurora", "a1");
        push(share, "lotus", "l1");
        a1.end();
        push(share, "mizu", "m1");
        assertThat(started).containsExactly("a1", "l1");
        assertThat(share.waiting()).isEqualTo(1);
    }
}
