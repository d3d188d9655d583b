package io.microdrama.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutGridTest {

    @Test
    void aTileCountsEveryStateAndTakesTheColourOfTheMostCommon() {
        RolloutGrid.RegionTile tile = RolloutGrid.tile("DE", List.of("LIVE", "WAITING", "LIVE", "ON_HOLD", "LIVE"), true);

        assertThat(tile.total()).isEqualTo(5);
        assertThat(tile.totalText()).isEqualTo("5");
        assertThat(tile.dominantState()).isEqualTo("LIVE");
        assertThat(tile.counts()).extracting(RolloutGrid.StateTotal::state).containsExactlyElementsOf(Views.STATES);
        assertThat(tile.counts()).filteredOn(c -> c.count() > 0).extracting(c -> c.state() + "=" + c.count())
                .containsExactly("LIVE=3", "WAITING=1", "ON_HOLD=1");
        assertThat(tile.summary()).isEqualTo("DE: 5 dramas, 3 LIVE, 1 WAITING, 1 ON_HOLD");
    }

    @Test
    void segmentsFollowEachOtherAndFillTheWholeBar() {
        RolloutGrid.RegionTile tile = RolloutGrid.tile("FR", List.of("LIVE", "WAITING", "SCHEDULED"), true);

        assertThat(tile.segments()).extracting(RolloutGrid.Segment::state).containsExactly("LIVE", "WAITING", "SCHEDULED");
        int x = 0;
        for (RolloutGrid.Segment segment : tile.segments()) {
            assertThat(segment.x()).isEqualTo(x);
            assertThat(segment.width()).isPositive();
            x += segment.width();
        }
        assertThat(x).isEqualTo(RolloutGrid.BAR_WIDTH);
    }

    @Test
    void anEmptyRegionHasNoSegmentsAndACutOffCountSaysAtLeast() {
        RolloutGrid.RegionTile empty = RolloutGrid.tile("MT", List.of(), true);
        assertThat(empty.segments()).isEmpty();
        assertThat(empty.dominantState()).isEqualTo("NONE");
        assertThat(empty.summary()).isEqualTo("MT: 0 dramas");

        RolloutGrid.RegionTile cut = RolloutGrid.tile("US", List.of("LIVE", "LIVE"), false);
        assertThat(cut.totalText()).isEqualTo("2+");
    }

    @Test
    void statesAreReadFromABoardPageAndUnknownStatesAreNotCounted() throws Exception {
        List<String> states = RolloutGrid.states(new ObjectMapper().readTree("""
                {"region":"DE","items":[{"rollout":{"state":"LIVE"}},{"rollout":{"state":"EXPIRED"}},{"rollout":{}}]}
                """));

        assertThat(states).containsExactly("LIVE", "EXPIRED", "");
        assertThat(RolloutGrid.tile("DE", states, true).total()).isEqualTo(2);
    }
}
