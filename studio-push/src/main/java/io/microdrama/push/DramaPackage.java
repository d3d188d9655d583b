package io.microdrama.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A drama package as a studio prepares it: {@code drama.json} (the drama as the studio API takes it, plus its
 * {@code externalId}) and a {@code subtitles/} folder. See docs/studio-packages.md for the format.
 */
public final class DramaPackage {

    static final String MANIFEST = "drama.json";
    static final String SUBTITLES = "subtitles";

    private final Path root;
    private final byte[] manifestBytes;
    private final JsonNode manifest;
    private final List<SubtitleFile> subtitles;
    private final List<Path> unrecognised;

    private DramaPackage(Path root, byte[] manifestBytes, JsonNode manifest, List<SubtitleFile> subtitles, List<Path> unrecognised) {
        this.root = root;
        this.manifestBytes = manifestBytes;
        this.manifest = manifest;
        this.subtitles = subtitles;
        this.unrecognised = unrecognised;
    }

    /** Reads the folder; a missing or unreadable manifest is an {@link InvalidPackageException}. */
    static DramaPackage read(Path root, ObjectMapper json) {
        Path manifestPath = root.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestPath)) {
            throw new InvalidPackageException(List.of(new PackageProblem(MANIFEST, "is missing: every package needs one")));
        }
        try {
            byte[] bytes = Files.readAllBytes(manifestPath);
            JsonNode manifest;
            try {
                manifest = json.readTree(bytes);
            } catch (IOException e) {
                throw new InvalidPackageException(List.of(new PackageProblem(MANIFEST, "is not valid JSON: "
                        + e.getMessage().lines().findFirst().orElse(""))));
            }
            if (manifest == null || !manifest.isObject()) {
                throw new InvalidPackageException(List.of(new PackageProblem(MANIFEST, "must hold one JSON object")));
            }
            List<SubtitleFile> subtitles = new ArrayList<>();
            List<Path> unrecognised = new ArrayList<>();
            Path folder = root.resolve(SUBTITLES);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    files.filter(Files::isRegularFile).sorted().forEach(file -> SubtitleFile.of(file)
                            .ifPresentOrElse(subtitles::add, () -> unrecognised.add(file)));
                }
            }
            subtitles.sort(Comparator.comparingInt(SubtitleFile::episode).thenComparing(SubtitleFile::language));
            return new DramaPackage(root, bytes, manifest, List.copyOf(subtitles), List.copyOf(unrecognised));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    JsonNode manifest() {
        return manifest;
    }

    String externalId() {
        return manifest.path("externalId").asText("");
    }

    /** The body sent to the studio API: the manifest without the package-only fields. */
    ObjectNode dramaBody() {
        ObjectNode body = manifest.deepCopy();
        body.remove("externalId");
        return body;
    }

    /** Identifies the manifest's exact content: an unchanged manifest is not sent again. */
    String manifestSha256() {
        return sha256(manifestBytes);
    }

    List<SubtitleFile> subtitles() {
        return subtitles;
    }

    List<Path> unrecognisedFiles() {
        return unrecognised;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
