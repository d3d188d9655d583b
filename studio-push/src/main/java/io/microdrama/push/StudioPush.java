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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pushes drama packages through the gateway with a studio's client credentials: validates every package locally
 * first and runs the platform's subtitle quality control on every subtitle file (nothing is sent if a package is
 * broken, or if a subtitle file has QC errors unless --allow-qc-failures), then per package the drama's metadata, optionally the publication, then
 * each subtitle file with its quality-control findings. Unchanged parts are not sent again.
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
            for (DramaPackage pkg : packages) {
                result = Math.max(result, push(pkg, platform));
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

    private int push(DramaPackage pkg, PlatformClient platform) throws IOException, InterruptedException {
        String externalId = pkg.externalId();
        PushState state = PushState.load(pkg.root(), options.stateDir(), externalId,
                options.gateway() + "-" + options.clientId(), json);
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
        return pushSubtitles(pkg, platform, state);
    }

    private int pushSubtitles(DramaPackage pkg, PlatformClient platform, PushState state) throws IOException, InterruptedException {
        List<SubtitleFile> files = pkg.subtitles();
        if (files.isEmpty()) {
            return OK;
        }
        if (!state.manifestPublished(pkg.manifestSha256()) && !options.publish()) {
            out.println("  subtitles wait until the drama is published (localization learns its episodes from the"
                    + " publication): run with --publish");
            return OK;
        }
        AtomicInteger done = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        AtomicInteger failedQc = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService uploads = Executors.newFixedThreadPool(options.parallel());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SubtitleFile file : files) {
                futures.add(uploads.submit(() -> {
                    byte[] body = Files.readAllBytes(file.path());
                    String sha = DramaPackage.sha256(body);
                    if (state.subtitleDelivered(file.name(), sha)) {
                        unchanged.incrementAndGet();
                        if ("QC_FAILED".equals(state.verdictOf(file.name()))) {
                            failedQc.incrementAndGet();
                        }
                        done.incrementAndGet();
                        return null;
                    }
                    PlatformClient.Answer answer = uploadWhenKnown(platform, pkg.externalId(), file, body);
                    String verdict = answer.body().path("verdict").asText("");
                    synchronized (out) {
                        String progress = String.format("  [%3d/%d] episode %3d %-8s", done.incrementAndGet(), files.size(),
                                file.episode(), file.language());
                        if (answer.ok() && verdict.equals("ACCEPTED")) {
                            accepted.incrementAndGet();
                            state.subtitleSent(file.name(), sha, verdict);
                            if (!options.quiet()) {
                                out.println(progress + " ✓ accepted" + warnings(answer.body()));
                            }
                            if (options.verbose()) {
                                qc.print(answer.body().path("report"));
                            }
                        } else if (verdict.equals("QC_FAILED")) {
                            failedQc.incrementAndGet();
                            state.subtitleSent(file.name(), sha, verdict);
                            out.println(progress + " ✗ failed quality control (" + answer.body().path("report").path("errorCount").asInt()
                                    + " error(s)): " + file.name());
                            qc.print(answer.body().path("report"));
                        } else {
                            refused.incrementAndGet();
                            out.println(progress + " ✗ refused (HTTP " + answer.status() + "): "
                                    + answer.body().path("detail").asText(answer.body().toString()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            uploads.shutdownNow();
        }
        out.printf("  subtitles: %d accepted, %d failed quality control, %d refused, %d unchanged (not sent)%n",
                accepted.get(), failedQc.get(), refused.get(), unchanged.get());
        if (refused.get() > 0 || (failedQc.get() > 0 && !options.allowQcFailures())) {
            return REFUSED;
        }
        return OK;
    }

    /** Right after a publication localization may not know the drama yet (it learns it from the event): wait a little. */
    private PlatformClient.Answer uploadWhenKnown(PlatformClient platform, String externalId, SubtitleFile file, byte[] body)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + options.waitForDrama().toNanos();
        Duration pause = Duration.ofMillis(250);
        while (true) {
            PlatformClient.Answer answer = platform.putSubtitle(externalId, file, body);
            if (answer.status() != 404 || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(pause.toMillis());
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(4)) > 0 ? Duration.ofSeconds(4) : pause.multipliedBy(2);
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
