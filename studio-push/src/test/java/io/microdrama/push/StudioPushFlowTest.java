package io.microdrama.push;

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
            if (path.contains("/subtitles/")) {
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

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void firstRunSendsEverythingAndASecondRunSendsNothing(@TempDir Path dir) throws Exception {
        TestPackages.valid(dir, "flow-1", 2, "e001.ja.vtt", "e002.ar.srt");
        assertThat(run(dir, "--publish")).isEqualTo(StudioPush.OK);
        assertThat(requests).startsWith("PUT /api/v1/studio/dramas/flow-1", "POST /api/v1/studio/dramas/flow-1/publish")
                .contains("PUT /api/v1/studio/dramas/flow-1/episodes/1/subtitles/ja",
                        "PUT /api/v1/studio/dramas/flow-1/episodes/2/subtitles/ar").hasSize(4);
        assertThat(contentTypes).containsEntry("/api/v1/studio/dramas/flow-1/episodes/1/subtitles/ja", "text/vtt; charset=utf-8")
                .containsEntry("/api/v1/studio/dramas/flow-1/episodes/2/subtitles/ar", "application/x-subrip; charset=utf-8");

        requests.clear();
        String output = output(dir, "--publish");
        assertThat(requests).isEmpty();
        assertThat(output).contains("metadata unchanged, not sent").contains("2 unchanged (not sent)");

        Files.writeString(dir.resolve("subtitles/e001.ja.vtt"), "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nこんにちは\n");
        requests.clear();
        assertThat(run(dir, "--publish")).isEqualTo(StudioPush.OK);
        assertThat(requests).containsExactly("PUT /api/v1/studio/dramas/flow-1/episodes/1/subtitles/ja");
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
        TestPackages.valid(dir, "flow-3", 3, "e001.ko.vtt", "e002.ko.vtt", "e003.ko.vtt");
        failingHard.add("/episodes/2/subtitles/ko");
        assertThat(run(dir, "--publish")).isEqualTo(StudioPush.REFUSED);

        failingHard.clear();
        requests.clear();
        assertThat(run(dir, "--publish")).isEqualTo(StudioPush.OK);
        assertThat(requests).containsExactly("PUT /api/v1/studio/dramas/flow-3/episodes/2/subtitles/ko");
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
        assertThat(requests).contains("PUT /api/v1/studio/dramas/flow-6/episodes/1/subtitles/en",
                "PUT /api/v1/studio/dramas/flow-6/episodes/2/subtitles/de").hasSize(5);

        Files.writeString(dir.resolve("subtitles/e001.en.vtt"), "WEBVTT\n\n00:00:05.000 --> 00:00:07.000\nIn time\n");
        requests.clear();
        output = output(dir, "--publish", "--quiet");
        assertThat(lastExit).isEqualTo(StudioPush.OK);
        assertThat(output).doesNotContain("DURATION_TOO_SHORT").contains("0 of 3 subtitle file(s) fail, 1 more with warnings");
        assertThat(requests).containsExactly("PUT /api/v1/studio/dramas/flow-6/episodes/1/subtitles/en");
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
