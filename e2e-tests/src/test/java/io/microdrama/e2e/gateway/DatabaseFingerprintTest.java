package io.microdrama.e2e.gateway;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison {@link GatewayFuzzE2E} relies on for "no row changed": it is empty only for identical readings. */
class DatabaseFingerprintTest {

    static final Map<String, String> BEFORE = Map.of(
            "catalog.public.drama", "count=2 md5=aaa",
            "billing.public.price_override", "count=0 md5=-");

    @Test
    void identicalReadingsHaveNoDifference() {
        assertThat(DatabaseFingerprint.differences(BEFORE, Map.copyOf(BEFORE))).isEmpty();
    }

    @Test
    void aChangedRowANewAndAVanishedTableAreEachNamed() {
        Map<String, String> after = Map.of(
                "catalog.public.drama", "count=2 md5=bbb",
                "localization.public.subtitle_track", "count=1 md5=ccc");
        assertThat(DatabaseFingerprint.differences(BEFORE, after)).containsExactly(
                "billing.public.price_override: table gone (was count=0 md5=-)",
                "catalog.public.drama: count=2 md5=aaa -> count=2 md5=bbb",
                "localization.public.subtitle_track: new table (count=1 md5=ccc)");
    }
}
