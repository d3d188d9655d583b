package io.microdrama.push;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One subtitle file of a package, named {@code e<episode>.<language>.<vtt|srt>}, e.g. {@code e007.ja.vtt}. */
public record SubtitleFile(Path path, int episode, String language, String format) {

    static final Pattern NAME = Pattern.compile("e(\\d{1,4})\\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\\.(vtt|srt)");

    /** The file's parsed name, or empty when it does not follow the naming rule. */
    static Optional<SubtitleFile> of(Path path) {
        Matcher matcher = NAME.matcher(path.getFileName().toString());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SubtitleFile(path, Integer.parseInt(matcher.group(1)), matcher.group(2), matcher.group(3)));
    }

    String name() {
        return path.getFileName().toString();
    }
}
