package io.microdrama.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BulkRequestsTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aFileTravelsByteForByteSoThePlatformSeesTheSameHash() throws Exception {
        byte[] srt = "\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\n\u3053\u3093\u306b\u3061\u306f \"\\\"\r\n".getBytes(StandardCharsets.UTF_8);
        StudioPush.Pending pending = pending(4, "ja", "srt", srt);
        JsonNode body = json.readTree(BulkRequests.body(List.of(pending), json));
        JsonNode file = body.get("files").get(0);
        assertThat(file.get("episode").asInt()).isEqualTo(4);
        assertThat(file.get("format").asText()).isEqualTo("SRT");
        assertThat(file.get("content").asText().getBytes(StandardCharsets.UTF_8)).isEqualTo(srt);
    }

    @Test
    void requestsAreCutByFileCountAndSizeKeepingTheOrder() {
        List<StudioPush.Pending> files = IntStream.rangeClosed(1, 5)
                .mapToObj(n -> pending(n, "de", "vtt", ("WEBVTT\n\n" + "x".repeat(100)).getBytes(StandardCharsets.UTF_8)))
                .toList();
        assertThat(BulkRequests.batches(files, 2, 1_000_000, json)).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(BulkRequests.batches(files, 200, 400, json)).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(BulkRequests.batches(files, 200, 10, json)).as("a file larger than the budget still goes, alone")
                .extracting(List::size).containsExactly(1, 1, 1, 1, 1);
        assertThat(BulkRequests.batches(files, 200, 1_000_000, json).get(0)).containsExactlyElementsOf(files);
    }

    private static StudioPush.Pending pending(int episode, String language, String format, byte[] body) {
        String name = "e%03d.%s.%s".formatted(episode, language, format);
        return new StudioPush.Pending(new SubtitleFile(Path.of(name), episode, language, format), body, DramaPackage.sha256(body));
    }
}
