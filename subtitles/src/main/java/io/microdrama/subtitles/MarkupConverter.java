package io.microdrama.subtitles;

import io.microdrama.subtitles.ConversionFinding.Code;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates cue text markup between SRT and WebVTT while keeping the visible text identical.
 *
 * <p>Decision on SRT {@code <font color>}: WebVTT defines default classes for eight colours (white, lime, cyan, red,
 * yellow, magenta, blue, black, W3C webvtt1 "default classes"), which players apply without a STYLE block. A font
 * colour that names one of them (by name or hex value) becomes {@code <c.colour>}; any other font tag is dropped
 * with a finding and its text kept. The reverse direction writes {@code <font color="#rrggbb">}.
 */
final class MarkupConverter {

    /** WebVTT default colour classes with their CSS values. */
    private static final Map<String, String> DEFAULT_COLOUR_CLASSES = Map.of(
            "white", "#ffffff", "lime", "#00ff00", "cyan", "#00ffff", "red", "#ff0000",
            "yellow", "#ffff00", "magenta", "#ff00ff", "blue", "#0000ff", "black", "#000000");

    private static final Set<String> SIMPLE_STYLES = Set.of("i", "b", "u");

    /**
     * Possessive throughout: spaces, the quote and the colour are disjoint, so nothing is lost, and a long run of
     * spaces after '=' costs one scan (with backtracking, the two space runs around the optional quote made a
     * 40 000-space attribute take over 30 s).
     */
    private static final Pattern FONT_COLOUR = Pattern.compile("color\\s*+=\\s*+[\"']?+\\s*+([#A-Za-z0-9]++)",
            Pattern.CASE_INSENSITIVE);

    private MarkupConverter() {
    }

    /** SRT text to WebVTT cue text; {@code report} receives each kind of loss once. */
    static String srtToWebVtt(String srt, BiConsumer<Code, String> report) {
        Set<Code> reported = EnumSet.noneOf(Code.class);
        StringBuilder out = new StringBuilder();
        Deque<Boolean> fontIsClass = new ArrayDeque<>();
        for (MarkupToken token : CueTextTokenizer.srt(srt)) {
            if (token instanceof MarkupToken.Text t) {
                out.append(escapeWebVtt(t.value()));
            } else if (token instanceof MarkupToken.StartTag tag) {
                if (SIMPLE_STYLES.contains(tag.name())) {
                    out.append('<').append(tag.name()).append('>');
                } else if (tag.name().equals("font")) {
                    String colourClass = colourClass(tag.annotation());
                    fontIsClass.push(colourClass != null);
                    if (colourClass != null) {
                        out.append("<c.").append(colourClass).append('>');
                    } else {
                        once(reported, report, Code.FONT_DROPPED, "<font " + tag.annotation()
                                + "> has no WebVTT default colour class; tag dropped, text kept");
                    }
                } else {
                    once(reported, report, Code.TAG_DROPPED, "<" + tag.name() + "> has no WebVTT equivalent; dropped");
                }
            } else if (token instanceof MarkupToken.EndTag tag) {
                if (SIMPLE_STYLES.contains(tag.name())) {
                    out.append("</").append(tag.name()).append('>');
                } else if (tag.name().equals("font")) {
                    if (!fontIsClass.isEmpty() && fontIsClass.pop()) {
                        out.append("</c>");
                    }
                }
            } else if (token instanceof MarkupToken.Invisible invisible) {
                once(reported, report, Code.ASS_OVERRIDE_DROPPED, "override code " + invisible.raw()
                        + " dropped; WebVTT positions cues with cue settings");
            }
        }
        return out.toString();
    }

    /** WebVTT cue text to SRT text; {@code report} receives each kind of loss once. */
    static String webVttToSrt(String vtt, BiConsumer<Code, String> report) {
        Set<Code> reported = EnumSet.noneOf(Code.class);
        StringBuilder out = new StringBuilder();
        Deque<Boolean> classIsFont = new ArrayDeque<>();
        boolean inRubyText = false;
        for (MarkupToken token : CueTextTokenizer.webVtt(vtt)) {
            if (token instanceof MarkupToken.Text t) {
                out.append(t.value());
            } else if (token instanceof MarkupToken.StartTag tag) {
                switch (tag.name()) {
                    case "i", "b", "u" -> out.append('<').append(tag.name()).append('>');
                    case "c" -> {
                        String hex = tag.classes().stream().map(DEFAULT_COLOUR_CLASSES::get)
                                .filter(Objects::nonNull).findFirst().orElse(null);
                        classIsFont.push(hex != null);
                        if (hex != null) {
                            out.append("<font color=\"").append(hex).append("\">");
                        }
                    }
                    case "rt" -> {
                        inRubyText = true;
                        out.append('(');
                        once(reported, report, Code.RUBY_FLATTENED, "ruby annotation written in parentheses");
                    }
                    default -> {
                        // ruby, v (voice), lang: no visible effect in SRT, text kept.
                    }
                }
            } else if (token instanceof MarkupToken.EndTag tag) {
                switch (tag.name()) {
                    case "i", "b", "u" -> out.append("</").append(tag.name()).append('>');
                    case "c" -> {
                        if (!classIsFont.isEmpty() && classIsFont.pop()) {
                            out.append("</font>");
                        }
                    }
                    case "rt", "ruby" -> {
                        if (inRubyText) {
                            out.append(')');
                            inRubyText = false;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        if (inRubyText) {
            out.append(')');
        }
        return out.toString();
    }

    /** Escapes what WebVTT cue text cannot hold literally; '>' too, so no line can contain "-->". */
    static String escapeWebVtt(String plain) {
        StringBuilder out = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String colourClass(String attributes) {
        Matcher m = FONT_COLOUR.matcher(attributes);
        if (!m.find()) {
            return null;
        }
        String colour = m.group(1).toLowerCase(Locale.ROOT);
        if (DEFAULT_COLOUR_CLASSES.containsKey(colour)) {
            return colour;
        }
        String hex = colour.startsWith("#") ? colour : "#" + colour;
        for (Map.Entry<String, String> e : DEFAULT_COLOUR_CLASSES.entrySet()) {
            if (e.getValue().equals(hex)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static void once(Set<Code> reported, BiConsumer<Code, String> report, Code code, String message) {
        if (reported.add(code)) {
            report.accept(code, message);
        }
    }

    /**
     * Lines of text without the ones that would end a block when read back: empty lines for WebVTT (a line of
     * spaces is still cue text there), blank lines for SRT. Sets {@code removed[0]} when a line was dropped.
     */
    static List<String> linesKeptInBlock(String text, SubtitleFormat target, boolean[] removed) {
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            boolean endsBlock = target == SubtitleFormat.WEBVTT ? line.isEmpty() : line.isBlank();
            if (endsBlock) {
                removed[0] = true;
            } else {
                kept.add(line);
            }
        }
        return kept;
    }
}
