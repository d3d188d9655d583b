package io.microdrama.subtitles;

import io.microdrama.subtitles.SubtitleRejectedException.Reason;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever arrives, decoding may reject it with {@link SubtitleRejectedException}, but parsing, QC and writing
 * never throw anything else, and each try finishes (see {@link NoHang}). Inputs are bounded (a few KB).
 */
class RobustnessPropertiesTest {

    private static final SubtitleIngest INGEST = SubtitleIngest.withDefaults();
    private static final QualityControl QC = new QualityControl(LanguageProfiles.loadDefault());
    private static final List<String> LANGUAGES = List.of("en", "ja", "zh-Hant", "ko", "th", "ar", "he", "hi", "xx");

    /** Pieces that steer random text into the parsers' interesting states. */
    private static final List<String> TOKENS = List.of(
            "WEBVTT", "WEBVTT ", "\n", "\n", "\n", "\r\n", "\r", "\n\n", "-->", " --> ", "->", "00:01.000",
            "00:00:01,000", "00:00:02.500", "1:00:00.000", "99:59.999", "00:60:00.000", "123456789012:00:00.000",
            " ", "\t", "NOTE", "NOTE ", "STYLE", "REGION", "id:r", "region:r", "line:10%", "line:-1,end",
            "position:50%,center", "size:200%", "align:start", "vertical:rl", ":", ".", ",", "%", "1", "42",
            "<i>", "</i>", "<b", "<c.yellow>", "</c>", "<v Bob>", "<ruby>", "<rt>", "</rt>", "<00:00:01.000>",
            "<font color=\"red\">", "</font>", "{\\an8}", "{\\i1}", "&amp;", "&lt;", "&#x1F600;", "&#0;", "&",
            "<", ">", "Hello", "مرحبا", "שלום", "漢字", "ｶﾅ", "안녕", "สวัสดี", "नमस्ते", "\u200F", "\u2068",
            "\u0000", "\uFEFF", "\uD800", "😀");

    @Provide
    Arbitrary<String> subtitleLikeText() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(400).map(tokens -> String.join("", tokens));
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(3000);
    }

    @Property(tries = 300)
    void webVttParserOnlyRejectsMissingSignature(@ForAll("subtitleLikeText") String tail,
                                                 @ForAll boolean withSignature) {
        String text = withSignature ? "WEBVTT\n" + tail : tail;
        NoHang.within(() -> {
            try {
                SubtitleDocument doc = new WebVttParser().parse(text);
                checkDocument(doc);
            } catch (SubtitleRejectedException e) {
                assertThat(e.reason()).isEqualTo(Reason.NOT_WEBVTT);
                assertThat(withSignature).isFalse();
            }
        });
    }

    @Property(tries = 300)
    void srtParserNeverThrows(@ForAll("subtitleLikeText") String tokens, @ForAll("anyText") String random) {
        NoHang.within(() -> {
            checkDocument(new SrtParser().parse(tokens));
            checkDocument(new SrtParser().parse(random));
        });
    }

    @Property(tries = 300)
    void randomTextThroughTheWholePipeline(@ForAll("anyText") String random) {
        NoHang.within(() -> ingestAllowingRejection(random.getBytes(StandardCharsets.UTF_8)));
        NoHang.within(() -> ingestAllowingRejection(("WEBVTT\n\n" + random).getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 400)
    void mutatedValidFilesNeverBreakTheIngest(@ForAll("validFiles") String file, @ForAll long seed,
                                              @ForAll @IntRange(min = 1, max = 12) int mutations) {
        byte[] body = mutate(file, new Random(seed), mutations);
        NoHang.within(() -> ingestAllowingRejection(body));
    }

    @Provide
    Arbitrary<String> validFiles() {
        return Arbitraries.of(
                new String(SubtitleIngestTest.fixture("episode-01.en.srt"), StandardCharsets.UTF_8),
                new String(SubtitleIngestTest.fixture("episode-01.es.srt"), StandardCharsets.UTF_8),
                new String(SubtitleIngestTest.fixture("episode-01.ar.vtt"), StandardCharsets.UTF_8),
                new String(SubtitleIngestTest.fixture("episode-01.ja.vtt"), StandardCharsets.UTF_8),
                "WEBVTT\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r width:40%\n\nNOTE n\n\nid\n"
                        + "00:00:01.000 --> 00:00:02.000 region:r line:0 align:start size:50%\n<v A><i>Hi</i> &amp;</v>\n\n"
                        + "00:02.500 --> 00:04.000 position:10%,line-left\n<ruby>漢<rt>かん</rt></ruby>\n");
    }

    /** Byte flips, line deletions, line duplications, token insertions and truncation. */
    private static byte[] mutate(String file, Random random, int mutations) {
        List<String> lines = new ArrayList<>(Arrays.asList(file.split("\n", -1)));
        for (int i = 0; i < mutations && !lines.isEmpty(); i++) {
            int line = random.nextInt(lines.size());
            switch (random.nextInt(4)) {
                case 0 -> lines.remove(line);
                case 1 -> lines.add(line, lines.get(line));
                case 2 -> lines.set(line, lines.get(line) + TOKENS.get(random.nextInt(TOKENS.size())));
                default -> lines.add(line, TOKENS.get(random.nextInt(TOKENS.size())));
            }
        }
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        int flips = random.nextInt(3);
        for (int i = 0; i < flips && bytes.length > 0; i++) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        if (random.nextInt(5) == 0 && bytes.length > 0) {
            bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
        return bytes;
    }

    private static void ingestAllowingRejection(byte[] body) {
        SubtitleDocument doc;
        try {
            doc = INGEST.parse(body);
        } catch (SubtitleRejectedException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        checkDocument(doc);
    }

    /** QC in every flavour and both writers accept any parsed document; the written text parses again. */
    private static void checkDocument(SubtitleDocument doc) {
        assertThat(doc.cues()).allSatisfy(c -> assertThat(c.endMs()).isGreaterThan(c.startMs()));
        assertThat(doc.cues()).extracting(Cue::number)
                .isEqualTo(IntStream.rangeClosed(1, doc.cues().size()).boxed().toList());
        for (String language : LANGUAGES) {
            QcReport report = QC.check(doc, new QcContext(language, 24, 60_000L, language.length() == 2));
            assertThat(report.errorCount() > 0).isEqualTo(report.verdict() == QcVerdict.QC_FAILED);
        }
        SubtitleDocument vtt = new WebVttParser().parse(new WebVttWriter().write(doc).text());
        SubtitleDocument srt = new SrtParser().parse(new SrtWriter().write(doc).text());
        assertThat(vtt.cues()).hasSameSizeAs(doc.cues());
        assertThat(srt.cues()).hasSameSizeAs(doc.cues());
        if (doc.format() == SubtitleFormat.WEBVTT) {
            RoundTripPropertiesTest.assertSameTimingAndText(vtt, doc);
            assertThat(vtt.cues()).extracting(Cue::settings).isEqualTo(doc.cues().stream().map(Cue::settings).toList());
            assertThat(vtt.styleSheets()).isEqualTo(doc.styleSheets());
            assertThat(vtt.regions()).isEqualTo(doc.regions());
        } else {
            RoundTripPropertiesTest.assertSameTimingAndText(srt, doc);
        }
    }
}
