package io.microdrama.support.input;

import java.util.Optional;

/**
 * What text the platform accepts anywhere (path segments, query parameters, JSON strings): no NUL (PostgreSQL cannot
 * store U+0000 in text) and no lone UTF-16 surrogate (it has no UTF-8 encoding, so it cannot be stored or sent on).
 */
public final class TextRules {

    private TextRules() {
    }

    /** Why the text is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain a NUL character (U+0000)");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("must not contain a lone surrogate (invalid Unicode)");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("must not contain a lone surrogate (invalid Unicode)");
            }
        }
        return Optional.empty();
    }
}
