package io.microdrama.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of the platform's bulk subtitle upload ({@code POST /api/v1/studio/dramas/{externalId}/subtitles/{language}}):
 * {@code {"files":[{"episode":1,"format":"SRT","content":"..."}]}}. The content is the file's text; the platform
 * encodes it back to UTF-8, so a file travels byte for byte (same SHA-256): the package validator lets only UTF-8
 * files without NUL through (JSON strings could not carry anything else unchanged).
 */
final class BulkRequests {

    private BulkRequests() {
    }

    /** The files in order, cut into requests of at most {@code maxFiles} files and (where possible) {@code maxBytes}. */
    static List<List<StudioPush.Pending>> batches(List<StudioPush.Pending> files, int maxFiles, int maxBytes, ObjectMapper json) {
        List<List<StudioPush.Pending>> batches = new ArrayList<>();
        List<StudioPush.Pending> current = new ArrayList<>();
        long bytes = 0;
        for (StudioPush.Pending file : files) {
            int size = entry(file, json).length + 1;
            if (!current.isEmpty() && (current.size() >= maxFiles || bytes + size > maxBytes)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(file);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    static byte[] body(List<StudioPush.Pending> files, ObjectMapper json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"files\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < files.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(entry(files.get(i), json));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] entry(StudioPush.Pending file, ObjectMapper json) {
        ObjectNode entry = json.createObjectNode().put("episode", file.file().episode())
                .put("format", file.file().format().equals("vtt") ? "WEBVTT" : "SRT")
                .put("content", new String(file.body(), StandardCharsets.UTF_8));
        try {
            return json.writeValueAsBytes(entry);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
