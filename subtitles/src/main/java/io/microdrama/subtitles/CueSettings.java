package io.microdrama.subtitles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * WebVTT cue settings after parsing. A null component means "not given", i.e. the WebVTT default applies
 * (horizontal, line auto, position auto, size 100, align center, no region).
 *
 * @param vertical         writing direction when vertical
 * @param line             line offset: a number of lines, or a percentage when {@code linePercentage}
 * @param linePercentage   whether {@code line} was written as a percentage (false when line is null)
 * @param lineAlign        line alignment given after the comma, only with {@code line}
 * @param position         position percentage
 * @param positionAlign    position alignment given after the comma, only with {@code position}
 * @param size             size percentage
 * @param align            text alignment
 * @param region           identifier of a REGION the cue belongs to
 */
public record CueSettings(Vertical vertical, Double line, boolean linePercentage, LineAlign lineAlign,
                          Double position, PositionAlign positionAlign, Double size, TextAlign align,
                          String region) {

    public static final CueSettings NONE = new CueSettings(null, null, false, null, null, null, null, null, null);

    /** WebVTT writing directions other than horizontal. */
    public enum Vertical {
        RL("rl"), LR("lr");

        private final String keyword;

        Vertical(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public enum LineAlign {
        START("start"), CENTER("center"), END("end");

        private final String keyword;

        LineAlign(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public enum PositionAlign {
        LINE_LEFT("line-left"), CENTER("center"), LINE_RIGHT("line-right");

        private final String keyword;

        PositionAlign(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public enum TextAlign {
        START("start"), CENTER("center"), END("end"), LEFT("left"), RIGHT("right");

        private final String keyword;

        TextAlign(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /** Canonical WebVTT settings text, e.g. {@code "line:10% position:50%,center align:start"}; empty if none. */
    public String render() {
        List<String> parts = new ArrayList<>();
        if (vertical != null) {
            parts.add("vertical:" + vertical.keyword());
        }
        if (line != null) {
            String value = number(line) + (linePercentage ? "%" : "");
            parts.add("line:" + value + (lineAlign == null ? "" : "," + lineAlign.keyword()));
        }
        if (position != null) {
            parts.add("position:" + number(position) + "%"
                    + (positionAlign == null ? "" : "," + positionAlign.keyword()));
        }
        if (size != null) {
            parts.add("size:" + number(size) + "%");
        }
        if (align != null) {
            parts.add("align:" + align.keyword());
        }
        if (region != null) {
            parts.add("region:" + region);
        }
        return String.join(" ", parts);
    }

    private static String number(double value) {
        // "50" rather than "50.0": WebVTT percentages are digits with an optional fraction.
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
