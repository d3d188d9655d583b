package io.microdrama.subtitles;

import io.microdrama.subtitles.ConversionFinding.Code;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SubtitleWritersTest {

    private final WebVttWriter vttWriter = new WebVttWriter();
    private final SrtWriter srtWriter = new SrtWriter();

    @Test
    void srtToWebVttMapsTagsEscapesTextAndWritesHours() {
        SubtitleDocument srt = new SrtParser().parse("""
                1
                00:00:01,000 --> 00:00:02,500
                <i>Tom & Jerry</i> say 1 < 2 > 0
                <font color="#FFFF00">yellow</font> <font color="yellow">too</font>

                2
                01:02:03,004 --> 01:02:04,000
                {\\an8}<font face="Arial">top</font> <B>bold</B> <s>strike</s>

                """);
        SubtitleOutput out = vttWriter.write(srt);
        assertThat(out.format()).isEqualTo(SubtitleFormat.WEBVTT);
        assertThat(out.text()).isEqualTo("""
                WEBVTT

                00:00:01.000 --> 00:00:02.500
                <i>Tom &amp; Jerry</i> say 1 &lt; 2 &gt; 0
                <c.yellow>yellow</c> <c.yellow>too</c>

                01:02:03.004 --> 01:02:04.000
                top <b>bold</b> strike

                """);
        assertThat(out.findings()).extracting(ConversionFinding::cueNumber, ConversionFinding::code).containsExactly(
                tuple(2, Code.ASS_OVERRIDE_DROPPED), tuple(2, Code.FONT_DROPPED), tuple(2, Code.TAG_DROPPED));
    }

    @Test
    void webVttToSrtDecodesReferencesAndSimplifiesMarkup() {
        SubtitleDocument vtt = new WebVttParser().parse("""
                WEBVTT

                intro
                00:01.000 --> 00:02.000 line:0 align:start
                <v Mary>Run &amp; hide &lt;now&gt;</v>
                <c.red.loud>red</c> <c.bg>plain</c> <lang ja><ruby>漢字<rt>かんじ</rt></ruby></lang>

                00:00:03.500 --> 00:00:04.000
                <i.whisper>psst</i> <00:00:03.700>later &lrm;x&nbsp;y

                """);
        SubtitleOutput out = srtWriter.write(vtt);
        assertThat(out.text()).isEqualTo("""
                1
                00:00:01,000 --> 00:00:02,000
                Run & hide <now>
                <font color="#ff0000">red</font> plain 漢字(かんじ)

                2
                00:00:03,500 --> 00:00:04,000
                <i>psst</i> later \u200Ex\u00A0y

                """);
        assertThat(out.findings()).extracting(ConversionFinding::cueNumber, ConversionFinding::code)
                .containsExactly(tuple(1, Code.RUBY_FLATTENED));
    }

    @Test
    void webVttToWebVttKeepsIdentifiersSettingsAndHeaderBlocks() {
        String source = """
                WEBVTT - original header text

                STYLE
                ::cue(.yellow) { color: yellow; }

                REGION
                id:bottom width:80%

                opening
                00:00:01.000 --> 00:00:02.000 region:bottom align:start
                <c.yellow>Hi</c>

                00:00:03.000 --> 00:00:04.000 line:10% position:50%,center size:80%
                there

                """;
        SubtitleDocument doc = new WebVttParser().parse(source);
        SubtitleOutput out = vttWriter.write(doc);
        assertThat(out.text()).isEqualTo("""
                WEBVTT

                REGION
                id:bottom width:80%

                STYLE
                ::cue(.yellow) { color: yellow; }

                opening
                00:00:01.000 --> 00:00:02.000 align:start region:bottom
                <c.yellow>Hi</c>

                00:00:03.000 --> 00:00:04.000 line:10% position:50%,center size:80%
                there

                """);
        assertThat(new WebVttParser().parse(out.text())).isEqualTo(doc);
        assertThat(out.findings()).isEmpty();
    }

    @Test
    void srtToSrtRenumbersAndNormalizes() {
        SubtitleDocument doc = new SrtParser().parse("7\n0:00:01.000  -->  0:00:02.000\n<i>x</i>\n\n9\n00:00:03,000 --> 00:00:04,000\ny");
        assertThat(srtWriter.write(doc).text())
                .isEqualTo("1\n00:00:01,000 --> 00:00:02,000\n<i>x</i>\n\n2\n00:00:03,000 --> 00:00:04,000\ny\n\n");
    }

    @Test
    void handBuiltDocumentsAreMadeSafe() {
        SubtitleDocument vtt = new SubtitleDocument(SubtitleFormat.WEBVTT, List.of(
                new Cue(1, "bad --> id", 0, 1000, "a --> b\n\n   \nc", CueSettings.NONE, 0),
                new Cue(2, "multi\nline", 360_000_000L, 360_001_000L, "", CueSettings.NONE, 0)),
                List.of(), List.of(), List.of());
        SubtitleOutput out = vttWriter.write(vtt);
        // The empty line would end the cue; the line of spaces is still cue text in WebVTT and stays.
        assertThat(out.text()).isEqualTo("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\na --&gt; b\n   \nc\n\n"
                + "100:00:00.000 --> 100:00:01.000\n\n");
        assertThat(out.findings()).extracting(ConversionFinding::cueNumber, ConversionFinding::code).containsExactly(
                tuple(1, Code.IDENTIFIER_DROPPED), tuple(1, Code.BLANK_LINE_REMOVED), tuple(2, Code.IDENTIFIER_DROPPED));
        SubtitleDocument back = new WebVttParser().parse(out.text());
        assertThat(back.cues()).extracting(c -> CueMarkup.visibleText(back.format(), c.text()))
                .containsExactly("a --> b\nc", "");
    }

    @Test
    void srtTextThatLooksLikeATimingLineIsDefused() {
        SubtitleDocument doc = SubtitleDocument.of(SubtitleFormat.SRT, List.of(Cue.of(1, 0, 1000, "10:30 --> later")));
        SubtitleOutput out = srtWriter.write(doc);
        assertThat(out.text()).isEqualTo("1\n00:00:00,000 --> 00:00:01,000\n10:30 \u2192 later\n\n");
        assertThat(out.findings()).extracting(ConversionFinding::code).containsExactly(Code.ARROW_REPLACED);
        assertThat(new SrtParser().parse(out.text()).cues()).hasSize(1);
    }

    @Test
    void outputIsUtf8WithoutBom() {
        SubtitleDocument doc = SubtitleDocument.of(SubtitleFormat.SRT, List.of(Cue.of(1, 0, 1000, "مرحبا")));
        byte[] bytes = vttWriter.write(doc).utf8();
        assertThat(bytes[0]).isEqualTo((byte) 'W');
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("مرحبا");
    }

    @Test
    void emptyDocuments() {
        SubtitleDocument empty = SubtitleDocument.of(SubtitleFormat.WEBVTT, List.of());
        assertThat(vttWriter.write(empty).text()).isEqualTo("WEBVTT\n\n");
        assertThat(srtWriter.write(empty).text()).isEmpty();
    }
}
