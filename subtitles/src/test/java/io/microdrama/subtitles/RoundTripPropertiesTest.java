package io.microdrama.subtitles;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * parse(write(doc)) keeps timings and visible text, in both directions and across formats:
 * SRT -> WebVTT -> SRT and WebVTT -> SRT -> WebVTT. Writer output must also parse without a single finding.
 */
class RoundTripPropertiesTest {

    private final WebVttWriter vttWriter = new WebVttWriter();
    private final SrtWriter srtWriter = new SrtWriter();
    private final WebVttParser vttParser = new WebVttParser();
    private final SrtParser srtParser = new SrtParser();

    @Property(tries = 300)
    void srtToWebVttToSrt(@ForAll("srtDocuments") SubtitleDocument srt) {
        SubtitleDocument vtt = vttParser.parse(vttWriter.write(srt).text());
        SubtitleDocument back = srtParser.parse(srtWriter.write(vtt).text());
        assertSameTimingAndText(vtt, srt);
        assertSameTimingAndText(back, srt);
        assertThat(vtt.findings()).isEmpty();
        assertThat(back.findings()).isEmpty();
    }

    @Property(tries = 300)
    void webVttToSrtToWebVtt(@ForAll("webVttDocuments") SubtitleDocument vtt) {
        SubtitleDocument srt = srtParser.parse(srtWriter.write(vtt).text());
        SubtitleDocument back = vttParser.parse(vttWriter.write(srt).text());
        assertSameTimingAndText(srt, vtt);
        assertSameTimingAndText(back, vtt);
        assertThat(srt.findings()).isEmpty();
        assertThat(back.findings()).isEmpty();
    }

    @Property(tries = 200)
    void sameFormatRewriteIsLossless(@ForAll("webVttDocuments") SubtitleDocument vtt,
                                     @ForAll("srtDocuments") SubtitleDocument srt) {
        SubtitleDocument vttBack = vttParser.parse(vttWriter.write(vtt).text());
        assertSameTimingAndText(vttBack, vtt);
        assertThat(vttBack.cues()).extracting(Cue::text).isEqualTo(vtt.cues().stream().map(Cue::text).toList());
        SubtitleDocument srtBack = srtParser.parse(srtWriter.write(srt).text());
        assertThat(srtBack.cues()).extracting(Cue::text).isEqualTo(srt.cues().stream().map(Cue::text).toList());
    }

    static void assertSameTimingAndText(SubtitleDocument actual, SubtitleDocument expected) {
        assertThat(actual.cues()).hasSameSizeAs(expected.cues());
        for (int i = 0; i < expected.cues().size(); i++) {
            Cue e = expected.cues().get(i);
            Cue a = actual.cues().get(i);
            assertThat(a.startMs()).as("start of cue %d", i + 1).isEqualTo(e.startMs());
            assertThat(a.endMs()).as("end of cue %d", i + 1).isEqualTo(e.endMs());
            assertThat(CueMarkup.visibleText(actual.format(), a.text())).as("visible text of cue %d", i + 1)
                    .isEqualTo(CueMarkup.visibleText(expected.format(), e.text()));
        }
    }

    // --- generators -------------------------------------------------------------------------------------------

    /** Words in the scripts we ship, with characters that need escaping or look like markup. */
    private static Arbitrary<String> word() {
        return Arbitraries.of("Hello", "world", "Tom", "&", "R&D", ">", "a>b", "<3", "-->", "--", "...", "¿Qué?",
                "café", "naïve", "مرحبا", "شكرًا", "שלום", "こんにちは", "ｶﾀｶﾅ", "你好", "안녕", "สวัสดี",
                "नमस्ते", "Việt", "😀", "\u200F", "1", "42", "NOTE", "STYLE", "{curly}", "a;b", "50%", "x.y");
    }

    private static Arbitrary<String> plainLine() {
        return word().list().ofMinSize(1).ofMaxSize(6).map(words -> String.join(" ", words));
    }

    /** SRT markup: plain text with the tags SRT players know and ASS overrides. */
    private static Arbitrary<String> srtLine() {
        Arbitrary<String> styled = Combinators.combine(
                Arbitraries.of("<i>%s</i>", "<b>%s</b>", "<U>%s</U>", "<font color=\"#ff0000\">%s</font>",
                        "<font color=yellow>%s</font>", "<font face=\"Arial\">%s</font>", "<s>%s</s>",
                        "{\\an8}%s", "%s"),
                plainLine()).as((pattern, text) -> String.format(pattern, text));
        return styled.list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join(" ", parts));
    }

    /** WebVTT markup: escaped text with spans, voices, classes, timestamps and references. */
    private static Arbitrary<String> webVttLine() {
        Arbitrary<String> escaped = plainLine().map(MarkupConverter::escapeWebVtt);
        Arbitrary<String> styled = Combinators.combine(
                Arbitraries.of("<i>%s</i>", "<b.loud>%s</b>", "<u>%s</u>", "<c.yellow>%s</c>", "<c.magenta.bg_black>%s</c>",
                        "<c.custom>%s</c>", "<v Mary Jane>%s</v>", "<lang ar>%s</lang>", "%s <00:00:01.500>",
                        "&lrm;%s&rlm;", "%s&nbsp;!", "&#x1F600;%s", "%s"),
                escaped).as((pattern, text) -> String.format(pattern, text));
        return styled.list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join(" ", parts));
    }

    private static Arbitrary<List<long[]>> timings() {
        Arbitrary<long[]> gapAndDuration = Combinators.combine(
                Arbitraries.longs().between(0, 4000), Arbitraries.longs().between(1, 9000))
                .as((gap, duration) -> new long[] {gap, duration});
        return gapAndDuration.list().ofMaxSize(12);
    }

    private static Arbitrary<SubtitleDocument> documents(SubtitleFormat format, Arbitrary<String> line) {
        Arbitrary<String> text = line.list().ofMinSize(0).ofMaxSize(3).map(lines -> String.join("\n", lines));
        return Combinators.combine(timings(), text.list().ofSize(12)).as((times, texts) -> {
            List<Cue> cues = new ArrayList<>();
            long clock = 0;
            for (long[] t : times) {
                long start = clock + t[0];
                long end = start + t[1];
                clock = end;
                cues.add(Cue.of(cues.size() + 1, start, end, texts.get(cues.size())));
            }
            return SubtitleDocument.of(format, cues);
        });
    }

    @Provide
    Arbitrary<SubtitleDocument> srtDocuments() {
        return documents(SubtitleFormat.SRT, srtLine());
    }

    @Provide
    Arbitrary<SubtitleDocument> webVttDocuments() {
        return documents(SubtitleFormat.WEBVTT, webVttLine());
    }
}
