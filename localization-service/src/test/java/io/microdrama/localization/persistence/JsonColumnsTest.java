package io.microdrama.localization.persistence;

import io.microdrama.localization.domain.EpisodeSpan;
import io.microdrama.subtitles.QcContext;
import io.microdrama.subtitles.QcReport;
import io.microdrama.subtitles.SrtWriter;
import io.microdrama.subtitles.SubtitleDocument;
import io.microdrama.subtitles.SubtitleIngest;
import io.microdrama.subtitles.WebVttWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored track must come back exactly as parsed: delivery in both formats is written from the stored document. */
class JsonColumnsTest {

    @ParameterizedTest
    @ValueSource(strings = { "episode-01.en.srt", "episode-01.es.srt", "episode-01.ja.vtt", "episode-01.ar.vtt" })
    void aParsedDocumentAndItsReportSurviveTheColumn(String fixture) throws IOException {
        byte[] body;
        try (InputStream in = getClass().getResourceAsStream("/subtitles/" + fixture)) {
            body = in.readAllBytes();
        }
        var result = SubtitleIngest.withDefaults().ingest(body, QcContext.verticalEpisode(fixture.split("\\.")[1], 95_000));

        JsonColumns.Document documents = new JsonColumns.Document();
        SubtitleDocument stored = documents.convertToEntityAttribute(documents.convertToDatabaseColumn(result.document()));
        assertThat(stored).isEqualTo(result.document());
        assertThat(new WebVttWriter().write(stored)).isEqualTo(new WebVttWriter().write(result.document()));
        assertThat(new SrtWriter().write(stored)).isEqualTo(new SrtWriter().write(result.document()));

        JsonColumns.Report reports = new JsonColumns.Report();
        QcReport report = reports.convertToEntityAttribute(reports.convertToDatabaseColumn(result.report()));
        assertThat(report).isEqualTo(result.report());
    }

    @Test
    void episodesSurviveTheColumnAndUnknownPropertiesAreIgnored() {
        JsonColumns.Episodes episodes = new JsonColumns.Episodes();
        List<EpisodeSpan> spans = List.of(new EpisodeSpan(1, 95_000), new EpisodeSpan(2, 80_000));
        assertThat(episodes.convertToEntityAttribute(episodes.convertToDatabaseColumn(spans))).isEqualTo(spans);
        assertThat(episodes.convertToEntityAttribute("[{\"number\":3,\"durationMs\":1000,\"title\":\"later field\"}]"))
                .containsExactly(new EpisodeSpan(3, 1000));
    }
}
