package io.microdrama.contracts.regions;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegionGroupsTest {

    @Test
    void euExpandsToItsTwentySevenMemberStates() {
        assertThat(RegionGroups.expand(List.of("EU"))).hasSize(27).contains("DE", "FR", "BG", "HR").doesNotContain("GB", "CH", "NO");
    }

    @Test
    void countriesAndGroupsMixWithoutDuplicatesAndUnknownCodesAreDropped() {
        assertThat(RegionGroups.expand(List.of("US", "NORAM", "XX", "eu"))).containsExactly("US", "CA");
    }

    @Test
    void knownCodes() {
        assertThat(RegionGroups.isKnown("JP")).isTrue();
        assertThat(RegionGroups.isKnown("LATAM")).isTrue();
        assertThat(RegionGroups.isKnown("UK")).isFalse(); // the ISO code is GB
    }

    @Test
    void twoLetterCodesOtherThanEuAreAlwaysCountries() {
        assertThat(RegionGroups.isGroup("NA")).as("NA is Namibia, not North America").isFalse();
        assertThat(RegionGroups.expand(List.of("NA"))).containsExactly("NA");
        assertThat(RegionGroups.groupsOf("TR")).containsExactly("EUROPE", "MENA");
    }
}
