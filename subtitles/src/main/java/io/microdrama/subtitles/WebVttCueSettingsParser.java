package io.microdrama.subtitles;

import io.microdrama.subtitles.CueSettings.LineAlign;
import io.microdrama.subtitles.CueSettings.PositionAlign;
import io.microdrama.subtitles.CueSettings.TextAlign;
import io.microdrama.subtitles.CueSettings.Vertical;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The W3C "parse the WebVTT cue settings" steps. Each invalid setting is ignored on its own (the others still
 * apply) and reported, as is a setting given twice (the algorithm lets the later valid one win).
 */
final class WebVttCueSettingsParser {

    private WebVttCueSettingsParser() {
    }

    /**
     * @param regionIds identifiers of the REGION blocks defined so far (a set: a file may define thousands, and each
     *                  cue's lookup must not scan them all)
     */
    static CueSettings parse(String input, Set<String> regionIds, List<ParseIssue> issues) {
        Builder b = new Builder();
        Set<String> seen = new HashSet<>();
        for (String setting : splitOnAsciiWhitespace(input)) {
            int colon = setting.indexOf(':');
            if (colon <= 0 || colon == setting.length() - 1) {
                issues.add(new ParseIssue(ParseCode.VTT_SETTING_INVALID,
                        "cue setting '" + ParseIssue.abbreviate(setting) + "' is not of the form name:value; ignored"));
                continue;
            }
            String name = setting.substring(0, colon);
            String value = setting.substring(colon + 1);
            if (!isKnown(name)) {
                issues.add(new ParseIssue(ParseCode.VTT_SETTING_UNKNOWN,
                        "unknown cue setting '" + ParseIssue.abbreviate(name) + "'; ignored"));
                continue;
            }
            if (!seen.add(name)) {
                issues.add(new ParseIssue(ParseCode.VTT_SETTING_DUPLICATE,
                        "cue setting '" + name + "' is given more than once; the last valid value applies"));
            }
            boolean applied = switch (name) {
                case "region" -> region(value, regionIds, b, issues);
                case "vertical" -> vertical(value, b);
                case "line" -> line(value, b);
                case "position" -> position(value, b);
                case "size" -> size(value, b);
                default -> align(value, b);
            };
            if (!applied) {
                issues.add(new ParseIssue(ParseCode.VTT_SETTING_INVALID,
                        "invalid value in cue setting '" + ParseIssue.abbreviate(setting) + "'; ignored"));
            }
        }
        // A vertical, line or size setting takes the cue out of its region (spec model section).
        if (b.region != null && (b.vertical != null || b.line != null || (b.size != null && b.size != 100))) {
            issues.add(new ParseIssue(ParseCode.VTT_REGION_IGNORED,
                    "region '" + b.region + "' does not apply because the cue also sets vertical, line or size"));
            b.region = null;
        }
        return b.build();
    }

    private static boolean isKnown(String name) {
        return switch (name) {
            case "region", "vertical", "line", "position", "size", "align" -> true;
            default -> false;
        };
    }

    private static boolean region(String value, Set<String> regionIds, Builder b, List<ParseIssue> issues) {
        // "the last WebVTT region in regions whose identifier is value, if any, or null otherwise": only the id
        // is kept on the cue, so membership is all that matters.
        if (regionIds.contains(value)) {
            b.region = value;
            return true;
        }
        b.region = null;
        issues.add(new ParseIssue(ParseCode.VTT_REGION_UNKNOWN,
                "cue refers to region '" + ParseIssue.abbreviate(value) + "', which no REGION block before the first cue defines"));
        return true;
    }

    private static boolean vertical(String value, Builder b) {
        switch (value) {
            case "rl" -> b.vertical = Vertical.RL;
            case "lr" -> b.vertical = Vertical.LR;
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean line(String value, Builder b) {
        int comma = value.indexOf(',');
        String linePos = comma >= 0 ? value.substring(0, comma) : value;
        String lineAlign = comma >= 0 ? value.substring(comma + 1) : null;
        if (linePos.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        double number;
        boolean percentage = linePos.endsWith("%");
        if (percentage) {
            Double pct = WebVttPercentage.parse(linePos);
            if (pct == null) {
                return false;
            }
            number = pct;
        } else {
            Double n = lineNumber(linePos);
            if (n == null) {
                return false;
            }
            number = n;
        }
        LineAlign align = null;
        if (lineAlign != null) {
            switch (lineAlign) {
                case "start" -> align = LineAlign.START;
                case "center" -> align = LineAlign.CENTER;
                case "end" -> align = LineAlign.END;
                default -> {
                    return false;
                }
            }
        }
        b.line = number;
        b.linePercentage = percentage;
        b.lineAlign = align;
        return true;
    }

    /** Integer or decimal line number, optionally negative; the checks of the "line" setting steps. */
    private static Double lineNumber(String s) {
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-') {
                if (i != 0) {
                    return null;
                }
            } else if (c == '.') {
                dots++;
                boolean digitBefore = i > 0 && WebVttTimestamp.isDigit(s.charAt(i - 1));
                boolean digitAfter = i + 1 < s.length() && WebVttTimestamp.isDigit(s.charAt(i + 1));
                if (dots > 1 || !digitBefore || !digitAfter) {
                    return null;
                }
            } else if (!WebVttTimestamp.isDigit(c)) {
                return null;
            }
        }
        double d = Double.parseDouble(s);
        // "-0" is 0; keeping the sign would make the same setting compare unequal after a rewrite.
        return Double.isFinite(d) ? (d == 0 ? 0.0 : d) : null;
    }

    private static boolean position(String value, Builder b) {
        int comma = value.indexOf(',');
        String colPos = comma >= 0 ? value.substring(0, comma) : value;
        String colAlign = comma >= 0 ? value.substring(comma + 1) : null;
        Double pct = WebVttPercentage.parse(colPos);
        if (pct == null) {
            return false;
        }
        PositionAlign align = null;
        if (colAlign != null) {
            switch (colAlign) {
                case "line-left" -> align = PositionAlign.LINE_LEFT;
                case "center" -> align = PositionAlign.CENTER;
                case "line-right" -> align = PositionAlign.LINE_RIGHT;
                default -> {
                    return false;
                }
            }
        }
        b.position = pct;
        b.positionAlign = align;
        return true;
    }

    private static boolean size(String value, Builder b) {
        Double pct = WebVttPercentage.parse(value);
        if (pct == null) {
            return false;
        }
        b.size = pct;
        return true;
    }

    private static boolean align(String value, Builder b) {
        switch (value) {
            case "start" -> b.align = TextAlign.START;
            case "center" -> b.align = TextAlign.CENTER;
            case "end" -> b.align = TextAlign.END;
            case "left" -> b.align = TextAlign.LEFT;
            case "right" -> b.align = TextAlign.RIGHT;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** "Split a string on ASCII whitespace" (space, tab, LF, FF, CR). */
    static List<String> splitOnAsciiWhitespace(String input) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < input.length()) {
            while (i < input.length() && isAsciiWhitespace(input.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < input.length() && !isAsciiWhitespace(input.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(input.substring(start, i));
            }
        }
        return tokens;
    }

    static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static final class Builder {
        Vertical vertical;
        Double line;
        boolean linePercentage;
        LineAlign lineAlign;
        Double position;
        PositionAlign positionAlign;
        Double size;
        TextAlign align;
        String region;

        CueSettings build() {
            return new CueSettings(vertical, line, linePercentage, lineAlign, position, positionAlign, size, align,
                    region);
        }
    }
}
