package io.microdrama.subtitles;

import java.util.List;

/** A piece of cue text markup: visible text, a tag, or markup that renders nothing (timestamps, ASS overrides). */
sealed interface MarkupToken {

    /** Visible characters, with WebVTT character references already decoded. */
    record Text(String value) implements MarkupToken {
    }

    /** {@code <name.class1.class2 annotation>}; for SRT, annotation holds the attributes. Name is lower case. */
    record StartTag(String name, List<String> classes, String annotation) implements MarkupToken {
    }

    record EndTag(String name) implements MarkupToken {
    }

    /** Rendered as nothing: WebVTT timestamp tags, SRT {@code {\an8}}-style ASS override codes. */
    record Invisible(String raw) implements MarkupToken {
    }
}
