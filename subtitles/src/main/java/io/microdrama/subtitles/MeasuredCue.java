package io.microdrama.subtitles;

import java.util.List;

/**
 * A cue with its visible text measured once, shared by all QC rules.
 *
 * @param lines       visible lines without tags and ruby annotations
 * @param lineLengths length of each line under the profile's count rule
 * @param characters  sum of the line lengths (line breaks do not count)
 * @param empty       nothing visible at all
 * @param italics     the markup italicises something
 */
record MeasuredCue(Cue cue, List<String> lines, double[] lineLengths, double characters, boolean empty,
                   boolean italics) {

    static MeasuredCue measure(Cue cue, SubtitleFormat format, CountRule rule) {
        List<String> lines = CueMarkup.measurableLines(format, cue.text());
        double[] lengths = new double[lines.size()];
        double total = 0;
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = CharacterCounter.count(lines.get(i), rule);
            total += lengths[i];
        }
        boolean empty = CueMarkup.visibleText(format, cue.text()).isEmpty();
        return new MeasuredCue(cue, lines, lengths, total, empty, CueMarkup.usesItalics(format, cue.text()));
    }

    long durationMs() {
        return cue.durationMs();
    }
}
