package io.microdrama.console.view;

import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;

/**
 * The QC findings of one upload placed on the episode's cue timeline: the cues as grey blocks along the episode,
 * errors above them and warnings below, each where its cue is. Drawn as an SVG 1 000 units wide, so anything closer
 * than one unit is one block: a file of 10 000 cues still draws at most about a thousand blocks per row, and the
 * work is linear in cues plus findings. Findings about the whole track (no cue time) are counted, not placed.
 */
@TemplateData
public record QcTimeline(String end, List<Span> cues, List<Span> errors, List<Span> warnings, int placed, int wholeTrack) {

    /** The drawing's width in SVG units. */
    static final double WIDTH = 1000;
    /** The narrowest block drawn, so that a 40 ms cue in a 3-minute episode is still visible. */
    static final double NARROWEST = 2;

    /** A block from {@code x}, {@code width} wide (SVG units), with what it stands for. */
    @TemplateData
    public record Span(double x, double width, String label) {
    }

    /** A finding as the report gives it: times are null for findings about the whole track. */
    public record TimedFinding(String severity, String code, Integer cueNumber, Long startMs, Long endMs, String message) {
    }

    /** A cue of the uploaded file. */
    public record CueSpan(long startMs, long endMs) {
    }

    public static QcTimeline of(List<CueSpan> cues, List<TimedFinding> findings) {
        long endMs = 1;
        for (CueSpan cue : cues) {
            endMs = Math.max(endMs, cue.endMs());
        }
        int wholeTrack = 0;
        for (TimedFinding finding : findings) {
            if (finding.startMs() == null) {
                wholeTrack++;
            } else {
                endMs = Math.max(endMs, finding.endMs() == null ? finding.startMs() : finding.endMs());
            }
        }
        Row cueRow = new Row(endMs);
        cues.forEach(cue -> cueRow.add(cue.startMs(), cue.endMs(), "cue at " + Views.timestamp(cue.startMs())));
        Row errors = new Row(endMs);
        Row warnings = new Row(endMs);
        int placed = 0;
        for (TimedFinding finding : findings) {
            if (finding.startMs() == null) {
                continue;
            }
            placed++;
            long start = finding.startMs();
            long end = finding.endMs() == null ? start : finding.endMs();
            String label = (finding.cueNumber() == null ? "" : "cue " + finding.cueNumber() + ", ")
                    + Views.timestamp(start) + ": " + finding.code() + " " + finding.message();
            ("ERROR".equals(finding.severity()) ? errors : warnings).add(start, end, label);
        }
        return new QcTimeline(Views.timestamp(endMs), cueRow.spans, errors.spans, warnings.spans, placed, wholeTrack);
    }

    /** Spans in time order are merged when they would touch on the drawing; out-of-order ones are drawn as they come. */
    private static final class Row {
        private final double unitsPerMs;
        private final List<Span> spans = new ArrayList<>();
        private int merged = 1;
        private String firstLabel;

        Row(long endMs) {
            this.unitsPerMs = WIDTH / endMs;
        }

        void add(long startMs, long endMs, String label) {
            double x = Math.min(WIDTH - NARROWEST, startMs * unitsPerMs);
            double width = Math.max(NARROWEST, (Math.max(endMs, startMs) - startMs) * unitsPerMs);
            if (!spans.isEmpty()) {
                Span last = spans.get(spans.size() - 1);
                double lastEnd = last.x() + last.width();
                if (x >= last.x() && x <= lastEnd + 1) {
                    merged++;
                    spans.set(spans.size() - 1, new Span(last.x(), round(Math.max(lastEnd, x + width) - last.x()),
                            merged + " here, first: " + firstLabel));
                    return;
                }
            }
            merged = 1;
            firstLabel = label;
            spans.add(new Span(round(x), round(width), label));
        }

        private static double round(double units) {
            return Math.round(units * 10) / 10.0;
        }
    }
}
