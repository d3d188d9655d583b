package io.microdrama.subtitles;

/**
 * QC limits for one subtitle language, one row of {@code reference/subtitle-profiles.csv}.
 *
 * @param language         BCP 47 tag of the row ("und" for the fallback profile)
 * @param script           ISO 15924 script code, informative
 * @param rtl              right-to-left script: bidi checks apply
 * @param maxCharsPerLine  line length limit for 16:9 frames, counted with {@code countRule}
 * @param countRule        how characters are counted
 * @param cpsAdult         reading speed limit, characters per second, adult programmes
 * @param cpsChildren      reading speed limit for children's programmes (kept for later; QC uses adult)
 * @param maxLines         maximum lines per cue
 * @param italicsAllowed   whether the language's style guide allows italics
 * @param verticalMaxChars line length limit for 9:16 frames (tighter: narrower picture)
 * @param minDurationMs    minimum cue duration
 * @param maxDurationMs    maximum cue duration
 * @param minGapFrames     minimum gap between consecutive cues, in frames of the video
 */
public record LanguageProfile(String language, String script, boolean rtl, int maxCharsPerLine, CountRule countRule,
                              double cpsAdult, double cpsChildren, int maxLines, boolean italicsAllowed,
                              int verticalMaxChars, long minDurationMs, long maxDurationMs, int minGapFrames) {

    /** The line length limit that applies to the picture's orientation. */
    public int lineLimit(boolean vertical) {
        return vertical ? verticalMaxChars : maxCharsPerLine;
    }
}
