package io.microdrama.push;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Writes small drama packages for tests. */
final class TestPackages {

    private TestPackages() {
    }

    /** A line that passes the platform's QC in that language (right-to-left text where the profile needs it). */
    static String greeting(String language) {
        return switch (language) {
            case "ar" -> "مرحبا بكم";
            case "he" -> "שלום לכולם";
            case "ja" -> "こんにちは";
            case "ko" -> "안녕하세요";
            default -> "Hello there";
        };
    }

    static Path valid(Path dir, String externalId, int episodes, String... subtitleNames) throws IOException {
        Files.createDirectories(dir.resolve("subtitles"));
        String episodeJson = IntStream.rangeClosed(1, episodes).mapToObj(n -> """
                {"number":%d,"title":"Episode %d","durationSeconds":90,"videoUri":"https://cdn.example.com/%d.mp4",
                 "videoChecksum":"sha256:%064x"}""".formatted(n, n, n, n)).collect(Collectors.joining(","));
        Files.writeString(dir.resolve("drama.json"), """
                {"externalId":"%s","title":"Test drama","originalLanguage":"en","pricingTier":"standard",
                 "episodes":[%s],"licences":[{"region":"GB","validFrom":"2025-01-01T00:00:00Z"}]}"""
                .formatted(externalId, episodeJson));
        for (String name : subtitleNames) {
            String text = greeting(name.split("\\.")[1]);
            Files.writeString(dir.resolve("subtitles").resolve(name), name.endsWith(".vtt")
                    ? "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n" + text + "\n"
                    : "1\n00:00:01,000 --> 00:00:03,000\n" + text + "\n", StandardCharsets.UTF_8);
        }
        return dir;
    }
}
