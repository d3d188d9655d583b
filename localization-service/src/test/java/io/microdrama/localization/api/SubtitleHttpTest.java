package io.microdrama.localization.api;

import io.microdrama.localization.api.SubtitleHttp.LanguageSegment;
import io.microdrama.localization.api.SubtitleHttp.Representation;
import io.microdrama.subtitles.SubtitleFormat;
import io.microdrama.support.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubtitleHttpTest {

    @Test
    void pathValuesAreCheckedFirst() {
        assertThat(SubtitleHttp.requireLanguage("pt-br")).isEqualTo("pt-BR");
        assertThatThrownBy(() -> SubtitleHttp.requireLanguage("portuguese")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> SubtitleHttp.requireEpisodeNumber(0)).isInstanceOf(ProblemException.class);
    }

    @Test
    void aLanguageSegmentMayCarryAFileSuffix() {
        assertThat(LanguageSegment.parse("de")).isEqualTo(new LanguageSegment("de", null));
        assertThat(LanguageSegment.parse("pt-br.vtt")).isEqualTo(new LanguageSegment("pt-BR", Representation.WEBVTT));
        assertThat(LanguageSegment.parse("zh-Hant.SRT")).isEqualTo(new LanguageSegment("zh-Hant", Representation.SRT));
        assertThat(LanguageSegment.parse("ja.json")).isEqualTo(new LanguageSegment("ja", Representation.JSON));
        assertThatThrownBy(() -> LanguageSegment.parse("klingon.vtt")).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400));
    }

    @Test
    void theUploadedFormatComesFromTheSuffixOrTheContentTypeOrIsDetected() {
        LanguageSegment plain = new LanguageSegment("de", null);
        assertThat(SubtitleHttp.declaredFormat(plain, MediaType.valueOf("text/vtt"))).isEqualTo(SubtitleFormat.WEBVTT);
        assertThat(SubtitleHttp.declaredFormat(plain, MediaType.valueOf("application/x-subrip; charset=UTF-8")))
                .isEqualTo(SubtitleFormat.SRT);
        assertThat(SubtitleHttp.declaredFormat(plain, MediaType.valueOf("text/srt"))).isEqualTo(SubtitleFormat.SRT);
        assertThat(SubtitleHttp.declaredFormat(plain, MediaType.valueOf("text/plain"))).isNull();
        assertThat(SubtitleHttp.declaredFormat(plain, MediaType.valueOf("application/octet-stream"))).isNull();
        assertThat(SubtitleHttp.declaredFormat(plain, null)).isNull();
        assertThat(SubtitleHttp.declaredFormat(new LanguageSegment("de", Representation.SRT), null)).isEqualTo(SubtitleFormat.SRT);

        assertRefused(() -> SubtitleHttp.declaredFormat(plain, MediaType.valueOf("text/vtt; charset=windows-1252")), 415);
        assertRefused(() -> SubtitleHttp.declaredFormat(plain, MediaType.valueOf("application/json")), 415);
        assertRefused(() -> SubtitleHttp.declaredFormat(new LanguageSegment("de", Representation.SRT),
                MediaType.valueOf("text/vtt")), 415);
        assertRefused(() -> SubtitleHttp.declaredFormat(new LanguageSegment("de", Representation.JSON), null), 415);
    }

    @Test
    void aReadAsksWithTheSuffixOrTheAcceptHeaderAndGetsWebVttByDefault() {
        LanguageSegment plain = new LanguageSegment("de", null);
        assertThat(SubtitleHttp.wanted(plain, List.of())).isEqualTo(Representation.WEBVTT);
        assertThat(SubtitleHttp.wanted(plain, List.of(MediaType.WILDCARD_TYPE))).isEqualTo(Representation.WEBVTT);
        assertThat(SubtitleHttp.wanted(plain, List.of(MediaType.valueOf("application/x-subrip")))).isEqualTo(Representation.SRT);
        assertThat(SubtitleHttp.wanted(plain, List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf("text/vtt"))))
                .isEqualTo(Representation.JSON);
        assertThat(SubtitleHttp.wanted(new LanguageSegment("de", Representation.SRT), List.of(MediaType.APPLICATION_JSON_TYPE)))
                .isEqualTo(Representation.SRT);
        assertRefused(() -> SubtitleHttp.wanted(plain, List.of(MediaType.valueOf("image/png"))), 406);
    }

    private static void assertRefused(Runnable call, int status) {
        assertThatThrownBy(call::run).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(status));
    }
}
