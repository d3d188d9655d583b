package io.microdrama.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CuePreviewTest {

    static final String ARABIC = """
            WEBVTT

            00:00:01.000 --> 00:00:03.000
            مرحبا بك
            في <i>البيت</i>

            00:00:04.000 --> 00:00:06.000 line:10% align:start
            هذا سطر طويل جدا جدا جدا لا يتسع في سطر واحد على الهاتف أبدا
            """;

    @Test
    void anArabicCueIsRightToLeftWithoutMarkupAtTheBottom() {
        CuePreview.Preview preview = CuePreview.of(ARABIC, "ar", null);

        assertThat(preview.direction()).isEqualTo("rtl");
        assertThat(preview.number()).isEqualTo(1);
        assertThat(preview.start()).isEqualTo("00:00:01.000");
        assertThat(preview.lines()).containsExactly("مرحبا بك", "في البيت");
        assertThat(preview.position()).isEqualTo("bottom");
        assertThat(preview.align()).isEqualTo("center");
        assertThat(preview.longLines()).isEmpty();
        assertThat(preview.cues()).extracting(CuePreview.CueLink::selected).containsExactly(true, false);
    }

    @Test
    void aChosenCueKeepsItsPositionAndAlignmentAndLongLinesAreFlagged() {
        CuePreview.Preview preview = CuePreview.of(ARABIC, "ar", 2);

        assertThat(preview.number()).isEqualTo(2);
        assertThat(preview.position()).isEqualTo("top");
        assertThat(preview.align()).isEqualTo("start");
        assertThat(preview.longLines()).hasSize(1);
        assertThat(preview.longLines().get(0)).contains("of " + preview.maxCharsPerLine() + " characters");
    }

    @Test
    void aLeftToRightLanguageAndAnEmptyTrack() {
        CuePreview.Preview english = CuePreview.of("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n", "en", 99);
        assertThat(english.direction()).isEqualTo("ltr");
        assertThat(english.number()).as("an unknown cue number shows the first cue").isEqualTo(1);

        CuePreview.Preview empty = CuePreview.of("WEBVTT\n", "he", null);
        assertThat(empty.empty()).isTrue();
        assertThat(empty.direction()).isEqualTo("rtl");
    }
}
