package io.microdrama.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push flow against a stand-in for the gateway and Keycloak (a JDK HTTP server recording every request):
 * what is sent, in which order, what a second run sends, how QC failures, refusals and interruptions end.
 * The same tool against the real platform is covered in e2e-tests.
 */
class StudioPushFlowTest {

    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final Map<String, String> contentTypes = new ConcurrentHashMap<>();
    final Set<String> failingQc = ConcurrentHashMap.newKeySet();
    final Set<String> failingHard = ConcurrentHashMap.newKeySet();
    final Set<String> timingOutOnce = ConcurrentHashMap.newKeySet();
    /** Paths answered once with the gateway's "busy, retry after 1 s" (a push that waited too long for its turn). */
    final Set<String> busyOnce = ConcurrentHashMap.newKeySet();
    /** What the stand-in platform holds: drama/language/episode → content. */
    final Map<String, String> stored = new ConcurrentHashMap<>();
    /** Every file that reached the bulk upload, as language/episode. */
    final List<String> sentFiles = new CopyOnWriteArrayList<>();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> answer(exchange, 200, "{\"access_token\":\"t0k3n\",\"expires_in\":300}"));
        server.createContext("/api/v1/studio/dramas", exchange -> {
            String call = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            requests.add(call);
            if (!"Bearer t0k3n".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (busyOnce.remove(exchange.getRequestMethod() + " " + path)) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                answer(exchange, 503, "{\"status\":503,\"detail\":\"catalog-service is busy with other studios' changes\"}");
                return;
            }
            if (exchange.getRequestMethod().equals("POST") && path.matches(".*/subtitles/[^/]+")) {
                contentTypes.put(path, exchange.getRequestHeaders().getFirst("Content-Type"));
                bulk(exchange, path);
            } else if (path.contains("/subtitles/")) {
                contentTypes.put(path, exchange.getRequestHeaders().getFirst("Content-Type"));
                String key = path.substring(path.indexOf("/episodes/"));
                if (failingHard.contains(key)) {
                    answer(exchange, 503, "{\"detail\":\"upstream unavailable\"}");
                } else if (failingQc.contains(key)) {
                    answer(exchange, 422, """
                            {"verdict":"QC_FAILED","report":{"errorCount":1,"warningCount":0,"findings":[
                             {"severity":"ERROR","code":"READING_SPEED","cueNumber":3,"startMs":61500,"message":"24.0 cps > 17"}]}}""");
                } else {
                    answer(exchange, 201, "{\"verdict\":\"ACCEPTED\",\"report\":{\"errorCount\":0,\"warningCount\":0,\"findings\":[]}}");
                }
            } else if (path.endsWith("/publish")) {
                answer(exchange, 200, "{\"dramaVersion\":1,\"rollout\":[{\"region\":\"GB\"}]}");
            } else {
                answer(exchange, 201, "{\"revision\":0,\"warnings\":[]}");
            }
        });
        server.start();
    }

    /** The platform's bulk upload as far as the tool sees it: one result per file, unchanged when the bytes are. */
    private void bulk(HttpExchange exchange, String path) throws IOException {
        String language = path.substring(path.lastIndexOf('/') + 1);
        String drama = path.substring("/api/v1/studio/dramas/".length(), path.indexOf("/subtitles/"));
        if (failingHard.contains("/subtitles/" + language)) {
            answer(exchange, 500, "{\"status\":500,\"detail\":\"something broke\"}");
            return;
        }
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        ArrayNode results = JSON.createArrayNode();
        for (JsonNode file : request.path("files")) {
            int episode = file.path("episode").asInt();
            String key = drama + "/" + language + "/" + episode;
            sentFiles.add(language + "/" + episode);
            String content = file.path("content").asText();
            boolean same = content.equals(stored.put(key, content));
            boolean failsQc = failingQc.contains("/episodes/" + episode + "/subtitles/" + language);
            ObjectNode result = results.addObject().put("episode", episode)
                    .put("result", same ? "UNCHANGED" : failsQc ? "QC_FAILED" : "STORED")
                    .put("verdict", failsQc ? "QC_FAILED" : "ACCEPTED");
            if (failsQc && !same) {
                result.set("report", JSON.readTree("""
                        {"errorCount":1,"warningCount":0,"findings":[
                         {"severity":"ERROR","code":"READING_SPEED","cueNumber":3,"startMs":61500,"message":"24.0 cps > 17"}]}"""));
            }
        }
        if (timingOutOnce.remove("/subtitles/" + language)) {
            // Applied, but the answer came too late: the gateway's 504.
            answer(exchange, 504, "{\"status\":504,\"detail\":\"localization-service did not answer in time\"}");
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("files", results);
        answer(exchange, 200, answer.toString());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void firstRunSendsEverythingAndASecondRunSendsNothing(@TempDir Path dir) throws Exception {
        TestPackages.valid(dir, "flow-1", 2, "e001.ja.vtt", "e002.ar.srt", "e002.ja.vtt");
        assertThat(run(dir, "--publish")).isEqualTo(StudioPush.OK);
        assertThat(requests).as("one request per language").startsWith("PUT /api/v1/studio/dramas/flow-1",
                        "POST /api/v1/studio/dramas/flow-1/publish")
                .contains("POST /api/v1/studio/dramas/flow-1/subtitles/ja", "POST /api/v1/studio/dramas/flow-1/subtitles/ar")
                .hasSize(4);
        assertThat(sentFiles).containsExactlyInAnyOrder("ja/1", "ja/2", "ar/2");
        assertThat(contentTypes).containsEntry("/api/v1/studio/dramas/flow-1/subtitles/ja", "application/json");
        assertThat(stored).containsEntry("flow-1/ja/1", Files.readString(dir.resolve("subtitles/e001.ja.vtt")));

        requests.clear();
        String output = output(dir, "--publish");
        assertThat(requests).isEmpty();
        assertThat(output).contains("metadata unchanged, not sent").contains("3 unchanged (not sent)");

        Files.writeString(dir.resolve("subtitles/e001.ja.vtt"), "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nこんにちは\n");
        requests.clear();
        sentFiles.clear();
        assertThat(run(dir, "--publish")).isEqualTo(StudioPush.OK);
        assertThat(requests).containsExactly("POST /api/v1/studio/dramas/flow-1/subtitles/ja");
        assertThat(sentFiles).containsExactly("ja/1");
    }

    @Test
    void withItsStateLostTheToolSendsAgainAndThePlatformReportsEverythingUnchanged(@TempDir Path dir) throws Exception {
        TestPackages.valid(dir, "flow-8", 2, "e001.ko.vtt", "e002.ko.vtt");
        assertThat(run(dir, "--publish")).isEqualTo(StudioPush.OK);
        deleteRecursively(dir.resolve(".studio-push"));
        requests.clear();
        String output = output(dir, "--publish");
        assertThat(lastExit).isEqualTo(StudioPush.OK);
        assertThat(requests).contains("POST /api/v1/studio/dramas/flow-8/subtitles/ko");
        assertThat(output).contains("0 accepted").contains("2 already on the platform")
                .contains("= unchanged on the platform (ACCEPTED)");
    }

    @Test
    void aTimedOutRequestIsAskedAgainBecauseTheSameFilesChangeNothing(@TempDir Path dir) throws Exception {
        TestPackages.valid(dir, "flow-9", 1, "e001.ja.vtt");
        timingOutOnce.add("/subtitles/ja");
        String output = output(dir, "--publish");
        assertThat(lastExit).isEqualTo(StudioPush.OK);
        assertThat(requests).containsSubsequence("POST /api/v1/studio/dramas/flow-9/subtitles/ja",
                "POST /api/v1/studio/dramas/flow-9/subtitles/ja");
        assertThat(output).contains("1 already on the platform");
        requests.clear();
        assertThat(run(dir, "--publish")).isEqualTo(StudioPush.OK);
        assertThat(requests).isEmpty();
    }

    @Test
    void aBusyAnswerWithRetryAfterIsWaitedOutLikeARateLimit(@TempDir Path dir) throws Exception {
        TestPackages.valid(dir, "flow-busy", 1, "e001.ja.vtt");
        busyOnce.add("PUT /api/v1/studio/dramas/flow-busy");
        busyOnce.add("POST /api/v1/studio/dramas/flow-busy/publish");
        assertThat(run(dir, "--publish")).isEqualTo(StudioPush.OK);
        assertThat(requests).as("each asked again after the 503").startsWith("PUT /api/v1/studio/dramas/flow-busy",
                "PUT /api/v1/studio/dramas/flow-busy", "POST /api/v1/studio/dramas/flow-busy/publish",
                "POST /api/v1/studio/dramas/flow-busy/publish");
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void qcFailuresArePrintedAndFailTheRunUnlessAllowed(@TempDir Path dir) throws Exception {
        TestPackages.valid(dir, "flow-2", 1, "e001.ar.vtt");
        failingQc.add("/episodes/1/subtitles/ar");
        String output = output(dir, "--publish");
        assertThat(lastExit).isEqualTo(StudioPush.REFUSED);
        assertThat(output).contains("✗ failed quality control (1 error(s)): e001.ar.vtt")
                .contains("cue 3    00:01:01.500  ERROR   READING_SPEED            24.0 cps > 17");
        // Not sent again (unchanged), still reported as failed, accepted with --allow-qc-failures.
        requests.clear();
        assertThat(run(dir, "--publish", "--allow-qc-failures")).isEqualTo(StudioPush.OK);
        assertThat(requests).isEmpty();
    }

    @Test
    void anInterruptedRunResumesWithWhatWasNotDelivered(@TempDir Path dir) throws Exception {
        TestPackages.valid(dir, "flow-3", 3, "e001.ko.vtt", "e002.ko.vtt", "e003.ko.vtt", "e001.ja.vtt");
        failingHard.add("/subtitles/ko");
        assertThat(run(dir, "--publish")).isEqualTo(StudioPush.REFUSED);

        failingHard.clear();
        requests.clear();
        sentFiles.clear();
        assertThat(run(dir, "--publish")).isEqualTo(StudioPush.OK);
        assertThat(requests).containsExactly("POST /api/v1/studio/dramas/flow-3/subtitles/ko");
        assertThat(sentFiles).containsExactly("ko/1", "ko/2", "ko/3");
    }

    @Test
    void anInvalidPackageSendsNothingAndAnUnreachablePlatformSaysSo(@TempDir Path dir) throws Exception {
        TestPackages.valid(dir.resolve("good"), "flow-4", 1);
        TestPackages.valid(dir.resolve("bad"), "flow-5", 1, "e009.ja.vtt");
        assertThat(run(dir.resolve("good"), dir.resolve("bad"), "--publish")).isEqualTo(StudioPush.INVALID_PACKAGE);
        assertThat(requests).isEmpty();

        server.stop(0);
        assertThat(output(dir.resolve("good"), "--publish")).contains("cannot reach");
        assertThat(lastExit).isEqualTo(StudioPush.UNREACHABLE);
    }

    @Test
    void localQcErrorsStopTheRunBeforeAnythingIsSentAndWarningsOnlyPrint(@TempDir Path dir) throws Exception {
        TestPackages.valid(dir, "flow-6", 2, "e001.en.vtt", "e002.de.srt", "e001.ja.vtt");
        // Starts after episode 1 (90 s) ends: an ERROR. Lasts 0.7 s: a WARNING only.
        Files.writeString(dir.resolve("subtitles/e001.en.vtt"), "WEBVTT\n\n00:01:35.000 --> 00:01:36.500\nToo late\n");
        Files.writeString(dir.resolve("subtitles/e002.de.srt"), "1\n00:00:01,000 --> 00:00:01,700\nKurz\n\n");

        String output = output(dir, "--publish");
        assertThat(lastExit).isEqualTo(StudioPush.REFUSED);
        assertThat(requests).as("nothing is sent").isEmpty();
        assertThat(output).contains("✗ subtitles/e001.en.vtt fails quality control: 1 error(s), 0 warning(s)")
                .contains("cue 1    00:01:35.000  ERROR   CUE_AFTER_EPISODE_END    cue starts after the episode ends at 90.000 s")
                .contains("! subtitles/e002.de.srt: 1 warning(s)")
                .contains("cue 1    00:00:01.000  WARNING DURATION_TOO_SHORT")
                .contains("1 of 3 subtitle file(s) fail, 1 more with warnings")
                .contains("1 subtitle file(s) fail quality control; nothing was sent")
                .doesNotContain("e001.ja.vtt");
        assertThat(output(dir, "--validate-only")).contains("nothing was sent");
        assertThat(lastExit).isEqualTo(StudioPush.REFUSED);

        // Sent anyway when the studio says so; the warning-only file never blocked anything.
        assertThat(run(dir, "--publish", "--allow-qc-failures")).isEqualTo(StudioPush.OK);
        assertThat(requests).contains("POST /api/v1/studio/dramas/flow-6/subtitles/en",
                "POST /api/v1/studio/dramas/flow-6/subtitles/de", "POST /api/v1/studio/dramas/flow-6/subtitles/ja").hasSize(5);

        Files.writeString(dir.resolve("subtitles/e001.en.vtt"), "WEBVTT\n\n00:00:05.000 --> 00:00:07.000\nIn time\n");
        requests.clear();
        output = output(dir, "--publish", "--quiet");
        assertThat(lastExit).isEqualTo(StudioPush.OK);
        assertThat(output).doesNotContain("DURATION_TOO_SHORT").contains("0 of 3 subtitle file(s) fail, 1 more with warnings");
        assertThat(requests).containsExactly("POST /api/v1/studio/dramas/flow-6/subtitles/en");
    }

    @Test
    void parseErrorsAreFindingsByLineAndInfoOnlyWithVerbose(@TempDir Path dir) throws Exception {
        TestPackages.valid(dir, "flow-7", 1, "e001.fr.srt");
        Files.writeString(dir.resolve("subtitles/e001.fr.srt"), "1\n00:00:01,000 --> 00:00:03,000\nBonjour\n\n"
                + "2\n00:00:04,000 --> 00:00:0x,000\nperdu\n\n3\n00:00:07,000 --> 00:00:09,000\nSalut\n");
        String output = output(dir, "--validate-only");
        assertThat(lastExit).isEqualTo(StudioPush.REFUSED);
        assertThat(output).contains("line 6               ERROR   SRT_TIMING_INVALID")
                .doesNotContain("SRT_MISSING_FINAL_BLANK_LINE");
        assertThat(output(dir, "--validate-only", "--verbose")).contains("INFO    SRT_MISSING_FINAL_BLANK_LINE");
        assertThat(output(dir, "--validate-only", "--allow-qc-failures")).contains("SRT_TIMING_INVALID");
        assertThat(lastExit).isEqualTo(StudioPush.OK);
    }

    int lastExit;

    private int run(Path dir, String... flags) {
        output(dir, flags);
        return lastExit;
    }

    private int run(Path first, Path second, String... flags) {
        List<String> args = new java.util.ArrayList<>(baseArgs());
        args.addAll(List.of(flags));
        args.add(first.toString());
        args.add(second.toString());
        return execute(args);
    }

    private String output(Path dir, String... flags) {
        List<String> args = new java.util.ArrayList<>(baseArgs());
        args.addAll(List.of(flags));
        args.add(dir.toString());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        lastExit = new StudioPush(PushOptions.parse(args.toArray(String[]::new), Map.of()),
                new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private int execute(List<String> args) {
        lastExit = new StudioPush(PushOptions.parse(args.toArray(String[]::new), Map.of()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        return lastExit;
    }

    private List<String> baseArgs() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return List.of("--gateway", base, "--token-url", base + "/token", "--client-id", "studio-test", "--client-secret", "s");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
