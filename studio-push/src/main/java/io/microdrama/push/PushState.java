package io.microdrama.push;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a package already delivered to one platform (gateway + studio client), kept in
 * {@code .studio-push/state-<target>.json} inside the package. An unchanged file is not sent again; a run that was
 * interrupted starts where it stopped. The platform's own idempotency (same body, no change) is the safety net when
 * the state file is lost.
 */
final class PushState {

    /** Saved as JSON; field names are the file format. */
    public static final class Data {
        public String manifestSha256;
        public String publishedManifestSha256;
        public String etag;
        public Map<String, String> subtitleSha256 = new TreeMap<>();
        public Map<String, String> subtitleVerdict = new TreeMap<>();
    }

    private final Path file;
    private final ObjectMapper json;
    private final Data data;

    private PushState(Path file, ObjectMapper json, Data data) {
        this.file = file;
        this.json = json;
        this.data = data;
    }

    /** {@code stateDir} null: inside the package; else one file per (drama, target) under it. */
    static PushState load(Path packageRoot, Path stateDir, String externalId, String target, ObjectMapper json) {
        String name = "state-" + target.replaceAll("[^A-Za-z0-9.-]", "_") + ".json";
        Path file = stateDir == null ? packageRoot.resolve(".studio-push").resolve(name)
                : stateDir.resolve(externalId.replaceAll("[^A-Za-z0-9._-]", "_")).resolve(name);
        try {
            Data data = Files.exists(file) ? json.readValue(file.toFile(), Data.class) : new Data();
            return new PushState(file, json, data);
        } catch (IOException e) {
            // A damaged state file only costs a re-send, which the platform treats as a no-op.
            return new PushState(file, json, new Data());
        }
    }

    boolean manifestDelivered(String sha256) {
        return sha256.equals(data.manifestSha256);
    }

    boolean manifestPublished(String sha256) {
        return sha256.equals(data.publishedManifestSha256);
    }

    boolean subtitleDelivered(String name, String sha256) {
        return sha256.equals(data.subtitleSha256.get(name));
    }

    String verdictOf(String name) {
        return data.subtitleVerdict.get(name);
    }

    void manifestSent(String sha256, String etag) {
        data.manifestSha256 = sha256;
        data.etag = etag;
        save();
    }

    void published(String sha256) {
        data.publishedManifestSha256 = sha256;
        save();
    }

    /** A file the platform holds: its name in the package, the SHA-256 of its bytes, the verdict of its QC. */
    record Delivered(String name, String sha256, String verdict) {
    }

    /** Recorded together and saved once (a bulk request delivers many files). */
    void subtitlesSent(List<Delivered> files) {
        if (files.isEmpty()) {
            return;
        }
        for (Delivered file : files) {
            data.subtitleSha256.put(file.name(), file.sha256());
            data.subtitleVerdict.put(file.name(), file.verdict());
        }
        save();
    }

    /** Written to a temporary file and moved into place, so an interrupted run never leaves half a state file. */
    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), data);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
