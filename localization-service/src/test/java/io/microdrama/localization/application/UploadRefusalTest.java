package io.microdrama.localization.application;

import io.microdrama.subtitles.LanguageProfiles;
import io.microdrama.subtitles.QualityControl;
import io.microdrama.subtitles.SubtitleDecoder;
import io.microdrama.subtitles.SubtitleFormat;
import io.microdrama.subtitles.SubtitleIngest;
import io.microdrama.localization.api.RefusalMapper;
import io.microdrama.localization.domain.Refusal;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an upload is refused for before any database work, and with which status. */
class UploadRefusalTest {

    final SubtitleDecoder decoder = new SubtitleDecoder(64);
    final TrackService service = new TrackService(null, null, null, null, decoder,
            new SubtitleIngest(decoder, new QualityControl(LanguageProfiles.loadDefault())), null, null);

    @Test
    void unreadableBodiesAreRefusedWithTheReason() {
        assertRefused(new byte[0], null, 400, "EMPTY");
        assertRefused(utf8("1\n00:00:01,000 --> 00:00:02,000\n" + "x".repeat(64)), null, 413, "TOO_LARGE");
        assertRefused(new byte[] { (byte) 0xFF, (byte) 0xFE, 'a', 0 }, null, 415, "UNSUPPORTED_ENCODING");
        assertRefused("Gr\u00fc\u00dfe".getBytes(StandardCharsets.ISO_8859_1), null, 415, "INVALID_UTF8");
        assertRefused(new byte[] { 'a', 0, 'b' }, null, 415, "BINARY");
        assertRefused(utf8("WEBVTTX\n\n"), null, 415, "NOT_WEBVTT");
        assertRefused(utf8("hello"), null, 415, "UNRECOGNIZED_FORMAT");
        assertRefused(utf8("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n"), SubtitleFormat.SRT, 415, "FORMAT_MISMATCH");
        assertRefused(utf8("1\n00:00:01,000 --> 00:00:02,000\nHi\n"), SubtitleFormat.WEBVTT, 415, "FORMAT_MISMATCH");
    }

    @Test
    void aReadableBodyParsesInEitherDeclaredOrDetectedFormat() {
        assertThat(service.parse(utf8("\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\nHi\r\n"), null).format())
                .isEqualTo(SubtitleFormat.SRT);
        assertThat(service.parse(utf8("WEBVTT\r00:01.000 --> 00:02.000\rHi\r"), SubtitleFormat.WEBVTT).cues()).hasSize(1);
    }

    @Test
    void aBulkUploadNamingAnEpisodeTwiceIsRefusedAsAWholeBeforeAnyDatabaseWork() {
        byte[] srt = utf8("1\n00:00:01,000 --> 00:00:02,000\nHi\n");
        List<TrackService.BulkFile> files = List.of(new TrackService.BulkFile(1, SubtitleFormat.SRT, srt),
                new TrackService.BulkFile(2, null, srt), new TrackService.BulkFile(1, null, srt));
        // The service has no database here: a refusal must come before any is needed.
        assertThatThrownBy(() -> service.bulkUpload(TrackService.DramaRef.byExternalId("aurora", "x"),
                new TrackService.BulkUpload("de", files, "someone"), (drama, regions) -> "studio"))
                .isInstanceOfSatisfying(Refusal.class, refused -> {
                    assertThat(RefusalMapper.status(refused.kind())).isEqualTo(422);
                    assertThat(refused.fields()).extracting(Refusal.Field::name).containsExactly("files[2].episode");
                });
    }

    private void assertRefused(byte[] body, SubtitleFormat declared, int status, String reason) {
        assertThatThrownBy(() -> service.parse(body, declared)).isInstanceOfSatisfying(Refusal.class, refused -> {
            assertThat(RefusalMapper.status(refused.kind())).isEqualTo(status);
            assertThat(refused.fields()).extracting(Refusal.Field::message).containsExactly(reason);
        });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
