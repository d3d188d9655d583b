package io.microdrama.subtitles;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.microdrama.subtitles.SubtitleFormat.SRT;
import static io.microdrama.subtitles.SubtitleFormat.WEBVTT;
import static org.assertj.core.api.Assertions.assertThat;

class CueMarkupTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<i>Hi</i> &amp; bye                      | Hi & bye",
            "<v.loud Mary>Run!</v>                    | Run!",
            "<c.yellow.bg_black>x</c> <b><u>y</u></b> | x y",
            "a &lt;b&gt; c                            | a <b> c",
            "&#72;&#x49; &unknown; & alone            | HI &unknown; & alone",
            "fish &amp chips                          | fish &amp chips",
            "x <00:00:01.000>y                        | x y",
            "unclosed <i tag                          | unclosed",
            "&lrm;left&rlm;                           | \u200Eleft\u200F",
            "&#0; &#xD800;                            | \uFFFD \uFFFD",
    })
    void webVttVisibleText(String markup, String visible) {
        assertThat(CueMarkup.visibleText(WEBVTT, markup)).isEqualTo(visible);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<i>Hi</i> <B>you</B>                 | Hi you",
            "<font color=\"#ff0000\">red</font>   | red",
            "{\\an8}top {\\i1}slanted{\\i0}       | top slanted",
            "I <3 you                             | I <3 you",
            "a < b > c                            | a < b > c",
            "<grins> ok                           | <grins> ok",
            "&amp; stays literal                  | &amp; stays literal",
    })
    void srtVisibleText(String markup, String visible) {
        assertThat(CueMarkup.visibleText(SRT, markup)).isEqualTo(visible);
    }

    @Test
    void linesAreTrimmedAndEmptyLinesDropped() {
        assertThat(CueMarkup.visibleText(WEBVTT, "  one  \n<i></i>\n   \ntwo")).isEqualTo("one\ntwo");
        assertThat(CueMarkup.visibleText(SRT, "<i>\n</i>")).isEmpty();
    }

    @Test
    void rubyAnnotationIsVisibleButNotMeasured() {
        String ruby = "<ruby>漢字<rt>かんじ</rt></ruby>です";
        assertThat(CueMarkup.visibleText(WEBVTT, ruby)).isEqualTo("漢字かんじです");
        assertThat(CueMarkup.measurableLines(WEBVTT, ruby)).containsExactly("漢字です");
        assertThat(CueMarkup.measurableLines(WEBVTT, "<ruby>漢<rt>かん</ruby>字")).containsExactly("漢字");
    }

    @Test
    void italicsDetection() {
        assertThat(CueMarkup.usesItalics(WEBVTT, "<i>x</i>")).isTrue();
        assertThat(CueMarkup.usesItalics(WEBVTT, "<i.foo>x</i>")).isTrue();
        assertThat(CueMarkup.usesItalics(WEBVTT, "<b>x</b> &lt;i&gt;")).isFalse();
        assertThat(CueMarkup.usesItalics(SRT, "<I>x</I>")).isTrue();
        assertThat(CueMarkup.usesItalics(SRT, "{\\i1}x")).isTrue();
        assertThat(CueMarkup.usesItalics(SRT, "plain")).isFalse();
    }
}
