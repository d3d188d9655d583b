package io.microdrama.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.subtitles.QcReport;
import io.microdrama.subtitles.QcVerdict;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pushes drama packages through the gateway with a studio's client credentials: validates every package locally
 * first and runs the platform's subtitle quality control on every subtitle file (nothing is sent if a package is
 * broken, or if a subtitle file has QC errors unless --allow-qc-failures), then every package's metadata and optionally
 * its publication, then per package the subtitle files, one bulk request per language, with each file's
 * quality-control findings. Unchanged parts are not sent again.
 */
public final class StudioPush {

    static final int OK = 0;
    static final int INVALID_PACKAGE = 1;
    static final int REFUSED = 2;
    static final int UNREACHABLE = 3;
    static final int USAGE = 64;

    private final PushOptions options;
    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;
    private final QcPrinter qc;
    private final LocalQualityControl localQc = new LocalQualityControl();

    StudioPush(PushOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.qc = new QcPrinter(out);
    }

    public static void main(String[] args) {
        PushOptions options;
        try {
            options = PushOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("studio-push: " + e.getMessage());
            System.err.println(PushOptions.USAGE);
            System.exit(USAGE);
            return;
        }
        if (options.help()) {
            System.out.println(PushOptions.USAGE);
            return;
        }
        System.exit(new StudioPush(options, System.out).run());
    }

    int run() {
        List<DramaPackage> packages = new ArrayList<>();
        boolean valid = true;
        for (Path root : options.packages()) {
            try {
                DramaPackage pkg = DramaPackage.read(root, json);
                List<PackageProblem> problems = new PackageValidator().validate(pkg);
                if (problems.isEmpty()) {
                    packages.add(pkg);
                    out.printf("%s: valid (%d episodes, %d subtitle files)%n", root, pkg.manifest().path("episodes").size(),
                            pkg.subtitles().size());
                } else {
                    valid = false;
                    out.printf("%s: %d problem(s), nothing will be sent%n", root, problems.size());
                    problems.forEach(problem -> out.println("  ✗ " + problem));
                }
            } catch (InvalidPackageException e) {
                valid = false;
                out.printf("%s: %d problem(s), nothing will be sent%n", root, e.problems().size());
                e.problems().forEach(problem -> out.println("  ✗ " + problem));
            }
        }
        if (!valid) {
            return INVALID_PACKAGE;
        }
        int failingFiles = 0;
        for (DramaPackage pkg : packages) {
            failingFiles += runQualityControl(pkg);
        }
        if (failingFiles > 0 && !options.allowQcFailures()) {
            out.printf("%n✗ %d subtitle file(s) fail quality control; nothing was sent. Fix them, or pass"
                    + " --allow-qc-failures to send them anyway (the platform stores them as QC_FAILED and they do not"
                    + " count until a corrected file is pushed).%n", failingFiles);
            return REFUSED;
        }
        if (options.validateOnly()) {
            return OK;
        }
        PlatformClient platform = new PlatformClient(json, options.gateway(), options.tokenUrl(), options.clientId(),
                options.clientSecret());
        int result = OK;
        try {
            // Every drama's metadata and publication first, then the subtitles: localization learns of a published
            // drama from catalog's event, which then arrives while the other dramas are sent instead of being waited for.
            Map<DramaPackage, PushState> published = new java.util.LinkedHashMap<>();
            for (DramaPackage pkg : packages) {
                PushState state = PushState.load(pkg.root(), options.stateDir(), pkg.externalId(),
                        options.gateway() + "-" + options.clientId(), json);
                int pushed = push(pkg, platform, state);
                result = Math.max(result, pushed);
                if (pushed == OK) {
                    published.put(pkg, state);
                }
            }
            for (Map.Entry<DramaPackage, PushState> pkg : published.entrySet()) {
                result = Math.max(result, pushSubtitles(pkg.getKey(), platform, pkg.getValue()));
            }
        } catch (PlatformClient.AuthenticationException e) {
            out.println("✗ " + e.getMessage());
            return UNREACHABLE;
        } catch (ConnectException | HttpTimeoutException e) {
            out.println("✗ cannot reach " + options.gateway() + " (" + e.getClass().getSimpleName() + "); nothing more was sent."
                    + " Run again when it is back: what was delivered is not sent twice.");
            return UNREACHABLE;
        } catch (IOException e) {
            out.println("✗ " + e);
            return UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE;
        }
        return result;
    }

    /**
     * The platform's quality control on every subtitle file of a valid package, before anything is sent: errors
     * and warnings per file (every finding with --verbose, parse INFO included; files with warnings only are
     * summed up with --quiet). Returns the number of files with errors.
     */
    private int runQualityControl(DramaPackage pkg) {
        List<SubtitleFile> files = pkg.subtitles();
        if (files.isEmpty()) {
            return 0;
        }
        int failing = 0;
        int withWarnings = 0;
        for (SubtitleFile file : files) {
            int durationSeconds = pkg.manifest().path("episodes").path(file.episode() - 1).path("durationSeconds").asInt();
            QcReport report = localQc.check(file, durationSeconds);
            boolean failed = report.verdict() == QcVerdict.QC_FAILED;
            failing += failed ? 1 : 0;
            withWarnings += !failed && report.warningCount() > 0 ? 1 : 0;
            if (failed) {
                out.printf("  ✗ subtitles/%s fails quality control: %d error(s), %d warning(s)%n", file.name(),
                        report.errorCount(), report.warningCount());
                qc.print(report, options.verbose());
            } else if (report.warningCount() > 0 && !options.quiet()) {
                out.printf("  ! subtitles/%s: %d warning(s)%n", file.name(), report.warningCount());
                qc.print(report, options.verbose());
            } else if (options.verbose()) {
                out.printf("  ✓ subtitles/%s passes quality control%n", file.name());
                qc.print(report, true);
            }
        }
        out.printf("  quality control (the platform's rules, checked here): %d of %d subtitle file(s) fail, %d more"
                + " with warnings%n", failing, files.size(), withWarnings);
        return failing;
    }

    /** The drama's metadata and (with --publish) its publication; subtitles follow for every package afterwards. */
    private int push(DramaPackage pkg, PlatformClient platform, PushState state) throws IOException, InterruptedException {
        String externalId = pkg.externalId();
        String manifestSha = pkg.manifestSha256();
        out.printf("%n%s → %s%n", externalId, options.gateway());

        if (state.manifestDelivered(manifestSha)) {
            out.println("  metadata unchanged, not sent");
        } else {
            PlatformClient.Answer answer = platform.putDrama(externalId, json.writeValueAsBytes(pkg.dramaBody()), options.republish());
            if (!answer.ok()) {
                printRefusal("metadata", answer);
                return REFUSED;
            }
            state.manifestSent(manifestSha, answer.etag());
            out.printf("  metadata %s (revision %s)%n", answer.status() == 201 ? "created" : "stored", answer.body().path("revision").asText("?"));
            answer.body().path("warnings").forEach(w -> out.println("  ! " + w.path("field").asText() + ": " + w.path("message").asText()));
            if (answer.body().path("dramaVersion").asLong() > 0 && options.republish()) {
                state.published(manifestSha);
            }
        }

        if (options.publish() && !state.manifestPublished(manifestSha)) {
            PlatformClient.Answer answer = platform.publish(externalId);
            if (!answer.ok()) {
                printRefusal("publish", answer);
                return REFUSED;
            }
            state.published(manifestSha);
            out.printf("  published as version %s in %d region(s)%n", answer.body().path("dramaVersion").asText("?"),
                    answer.body().path("rollout").size());
        }
        return OK;
    }

    /** Requests stay under the platform's default bulk limits (200 files, 2 MiB of JSON), with room to spare. */
    static final int MAX_FILES_PER_REQUEST = 200;
    static final int MAX_BYTES_PER_REQUEST = 1_500_000;

    /** A file not delivered yet: its bytes and their SHA-256. */
    record Pending(SubtitleFile file, byte[] body, String sha256) {
    }

    /**
     * The subtitle files not delivered yet, one bulk request per language (split only when a language's files
     * exceed {@link #MAX_FILES_PER_REQUEST} or {@link #MAX_BYTES_PER_REQUEST}), up to {@code --parallel} languages at
     * once. Every file travels as JSON text: the package validator has already refused files that are not UTF-8 or
     * hold a NUL, so the platform hashes the same bytes as the file's.
     */
    private int pushSubtitles(DramaPackage pkg, PlatformClient platform, PushState state) throws IOException, InterruptedException {
        List<SubtitleFile> files = pkg.subtitles();
        if (files.isEmpty()) {
            return OK;
        }
        out.printf("%n%s subtitles → %s%n", pkg.externalId(), options.gateway());
        if (!state.manifestPublished(pkg.manifestSha256()) && !options.publish()) {
            out.println("  subtitles wait until the drama is published (localization learns its episodes from the"
                    + " publication): run with --publish");
            return OK;
        }
        Counts counts = new Counts(files.size());
        Map<String, List<Pending>> byLanguage = new TreeMap<>();
        for (SubtitleFile file : files) {
            byte[] body = Files.readAllBytes(file.path());
            String sha = DramaPackage.sha256(body);
            if (state.subtitleDelivered(file.name(), sha)) {
                counts.notSent.incrementAndGet();
                if ("QC_FAILED".equals(state.verdictOf(file.name()))) {
                    counts.failedQc.incrementAndGet();
                }
                counts.done.incrementAndGet();
            } else {
                byLanguage.computeIfAbsent(file.language(), language -> new ArrayList<>()).add(new Pending(file, body, sha));
            }
        }
        List<Callable<Void>> requests = new ArrayList<>();
        byLanguage.forEach((language, pending) -> requests.add(() -> {
            for (List<Pending> batch : BulkRequests.batches(pending, MAX_FILES_PER_REQUEST, MAX_BYTES_PER_REQUEST, json)) {
                sendBatch(platform, pkg.externalId(), language, batch, state, counts);
            }
            return null;
        }));
        runAll(requests);
        out.printf("  subtitles: %d accepted, %d failed quality control, %d refused, %d unchanged (not sent),"
                + " %d already on the platform; %d request(s)%n", counts.accepted.get(), counts.failedQc.get(),
                counts.refused.get(), counts.notSent.get(), counts.unchanged.get(), counts.requests.get());
        if (counts.refused.get() > 0 || (counts.failedQc.get() > 0 && !options.allowQcFailures())) {
            return REFUSED;
        }
        return OK;
    }

    private static final class Counts {
        final int total;
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger notSent = new AtomicInteger();
        final AtomicInteger unchanged = new AtomicInteger();
        final AtomicInteger failedQc = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();

        Counts(int total) {
            this.total = total;
        }
    }

    private void runAll(List<Callable<Void>> requests) throws IOException, InterruptedException {
        if (requests.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallel(), requests.size()));
        try {
            for (Future<Void> future : pool.invokeAll(requests)) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One bulk request; what the platform answered per file is recorded (state saved once per request). */
    private void sendBatch(PlatformClient platform, String externalId, String language, List<Pending> batch, PushState state,
            Counts counts) throws IOException, InterruptedException {
        byte[] body = BulkRequests.body(batch, json);
        counts.requests.incrementAndGet();
        PlatformClient.Answer answer = whenKnown(() -> platform.postSubtitles(externalId, language, body));
        synchronized (out) {
            if (!answer.ok()) {
                for (Pending pending : batch) {
                    counts.refused.incrementAndGet();
                    out.println(progress(counts, pending.file()) + " ✗ refused (HTTP " + answer.status() + "): "
                            + answer.body().path("detail").asText(answer.body().toString()));
                }
                return;
            }
            Map<Integer, JsonNode> results = new HashMap<>();
            answer.body().path("files").forEach(result -> results.put(result.path("episode").asInt(), result));
            List<PushState.Delivered> delivered = new ArrayList<>();
            for (Pending pending : batch) {
                JsonNode result = results.getOrDefault(pending.file().episode(), json.missingNode());
                String outcome = result.path("result").asText("");
                String verdict = result.path("verdict").asText("");
                String progress = progress(counts, pending.file());
                switch (outcome) {
                    case "STORED", "UNCHANGED" -> {
                        if (outcome.equals("UNCHANGED")) {
                            counts.unchanged.incrementAndGet();
                        }
                        if (verdict.equals("QC_FAILED")) {
                            counts.failedQc.incrementAndGet();
                        } else if (outcome.equals("STORED")) {
                            counts.accepted.incrementAndGet();
                        }
                        delivered.add(new PushState.Delivered(pending.file().name(), pending.sha256(), verdict));
                        if (!options.quiet()) {
                            out.println(progress + (outcome.equals("STORED") ? " ✓ accepted" + warnings(result)
                                    : " = unchanged on the platform (" + verdict + ")"));
                        }
                        if (options.verbose() && outcome.equals("STORED")) {
                            qc.print(result.path("report"));
                        }
                    }
                    case "QC_FAILED" -> {
                        counts.failedQc.incrementAndGet();
                        delivered.add(new PushState.Delivered(pending.file().name(), pending.sha256(), "QC_FAILED"));
                        out.println(progress + " ✗ failed quality control (" + result.path("report").path("errorCount").asInt()
                                + " error(s)): " + pending.file().name());
                        qc.print(result.path("report"));
                    }
                    default -> {
                        counts.refused.incrementAndGet();
                        JsonNode problem = result.path("problem");
                        out.println(progress + " ✗ refused (HTTP " + problem.path("status").asInt() + "): "
                                + problem.path("detail").asText(result.toString()));
                    }
                }
            }
            state.subtitlesSent(delivered);
        }
    }

    private static String progress(Counts counts, SubtitleFile file) {
        return String.format("  [%3d/%d] episode %3d %-8s", counts.done.incrementAndGet(), counts.total, file.episode(),
                file.language());
    }

    @FunctionalInterface
    private interface Call {
        PlatformClient.Answer send() throws IOException, InterruptedException;
    }

    /**
     * Right after a publication localization may not know the drama yet (it learns it from the event): a 404 is
     * waited out for a little while. A 502/503/504 is asked again twice: a subtitle upload is idempotent (the same
     * bytes again change nothing), so a repeat after a timeout is safe.
     */
    private PlatformClient.Answer whenKnown(Call call) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + options.waitForDrama().toNanos();
        Duration pause = Duration.ofMillis(250);
        int retries = 0;
        while (true) {
            PlatformClient.Answer answer = call.send();
            boolean unknownYet = answer.status() == 404 && System.nanoTime() < deadline;
            boolean transientFailure = answer.status() >= 502 && answer.status() <= 504 && retries < 2;
            if (!unknownYet && !transientFailure) {
                return answer;
            }
            if (transientFailure && !unknownYet) {
                retries++;
                Thread.sleep(1000L * retries);
                continue;
            }
            Thread.sleep(pause.toMillis());
            // At most a second between probes: the drama usually becomes known within a second or two.
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : pause.multipliedBy(2);
        }
    }

    private static String warnings(JsonNode answer) {
        int count = answer.path("report").path("warningCount").asInt();
        return count == 0 ? "" : " (" + count + " warning(s))";
    }

    private void printRefusal(String what, PlatformClient.Answer answer) {
        out.printf("  ✗ %s refused (HTTP %d): %s%n", what, answer.status(), answer.body().path("detail").asText(""));
        answer.body().path("errors").forEach(error -> out.printf("    - %s: %s%n", error.path("field").asText(),
                error.path("message").asText()));
        if (answer.status() == 409 && !options.republish()) {
            out.println("    (to take episodes away from a published drama, push again with --republish)");
        }
    }
}
