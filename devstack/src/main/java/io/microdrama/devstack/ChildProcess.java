package io.microdrama.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child process that dies with its parent.
 * <p>
 * The command runs behind a small {@code sh} guard that reads our end of a pipe: when this JVM exits, or is
 * killed with SIGKILL, the pipe closes, the guard's {@code cat} returns and the guard sends SIGTERM to the
 * command, so no broker or database outlives a killed test run. Output goes to a log file that readiness
 * checks and humans can read.
 */
public final class ChildProcess implements AutoCloseable {

    /*
     * fd 3 keeps our pipe: background jobs get /dev/null as stdin, so the watcher reads fd 3 explicitly.
     * The guard exits with the command's status, or TERMs the command when the pipe closes (parent gone).
     * Ctrl-C signals the whole terminal process group: the guard ignores SIGINT (and its background jobs do
     * too, as in any non-interactive shell), so only the parent reacts and stops services before infrastructure.
     */
    private static final String GUARD = String.join("\n",
            "trap '' INT",
            "exec 3<&0",
            "\"$@\" 3<&- </dev/null & child=$!",
            "( cat <&3 >/dev/null; kill -TERM $child 2>/dev/null ) & watcher=$!",
            "exec 3<&-",
            "wait $child; status=$?",
            "kill $watcher 2>/dev/null",
            "exit $status");

    private final String name;
    private final Process guard;
    private final Path logFile;
    /** Where this run's output starts in the log: a kept data directory appends to the previous run's log. */
    private final long logStart;

    private ChildProcess(String name, Process guard, Path logFile, long logStart) {
        this.name = name;
        this.guard = guard;
        this.logFile = logFile;
        this.logStart = logStart;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path logFile) {
        List<String> guarded = new ArrayList<>(List.of("sh", "-c", GUARD, "devstack-guard-" + name));
        guarded.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(guarded)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
            long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
            return new ChildProcess(name, builder.start(), logFile, logStart);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs a short command to completion (same guard), failing with its log on a non-zero exit. */
    public static void runToCompletion(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path logFile, Duration timeout) {
        try (ChildProcess process = start(name, command, environment, workDir, logFile)) {
            if (!process.guard.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not finish within " + timeout + "; log: " + logFile);
            }
            if (process.guard.exitValue() != 0) {
                throw new IllegalStateException(name + " failed (exit " + process.guard.exitValue() + "):\n" + process.tail(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + name, e);
        }
    }

    /** Waits until {@code ready} holds, failing early if the process dies, and with the log tail on timeout. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!guard.isAlive()) {
                throw new ExitedDuringStartup(name + " exited during start-up:\n" + tail(60));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail(60));
            }
            pause(Duration.ofMillis(200));
        }
    }

    /** Whether this run's output (not an earlier run's in the same log) contains {@code text}. */
    public boolean logContains(String text) {
        return output().contains(text);
    }

    /** This run's output so far (a kept log also holds earlier runs'). */
    public String output() {
        try (var channel = Files.newByteChannel(logFile)) {
            channel.position(logStart);
            return new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** The guard's process id; the command runs as its child. */
    public long pid() {
        return guard.pid();
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return guard.isAlive();
    }

    /**
     * The command's JVM: the first {@code java} process under the guard (a start script such as Keycloak's
     * {@code kc.sh} may sit between them).
     */
    public OptionalLong commandPid() {
        return guard.descendants().filter(p -> p.info().command().orElse("").endsWith("/java"))
                .mapToLong(ProcessHandle::pid).findFirst();
    }

    /** The command's resident memory in MiB (Linux VmRSS), empty when it is gone. */
    public OptionalLong residentMegabytes() {
        OptionalLong pid = commandPid();
        return pid.isPresent() ? residentMegabytes(pid.getAsLong()) : OptionalLong.empty();
    }

    /** Resident memory of any process in MiB, read from {@code /proc/<pid>/status} (VmRSS). */
    public static OptionalLong residentMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone, or not Linux
        }
        return OptionalLong.empty();
    }

    public Path logFile() {
        return logFile;
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }

    private volatile boolean stoppedGracefully;

    /** Closes the guard's stdin (graceful SIGTERM to the command), then escalates to SIGKILL after a grace period. */
    @Override
    public void close() {
        try (OutputStream stdin = guard.getOutputStream()) {
            stdin.flush();
        } catch (IOException ignored) {
            // already closed: the guard is going down anyway
        }
        try {
            if (guard.waitFor(30, TimeUnit.SECONDS)) {
                stoppedGracefully = true;
            } else {
                guard.descendants().forEach(ProcessHandle::destroyForcibly);
                guard.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            guard.descendants().forEach(ProcessHandle::destroyForcibly);
            guard.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Whether {@link #close()} ended the command within its grace period (rather than killing it). */
    public boolean stoppedGracefully() {
        return stoppedGracefully;
    }

    /** The process ended before it was ready (as opposed to being slow): a bind race on a chosen port, say. */
    public static final class ExitedDuringStartup extends IllegalStateException {
        ExitedDuringStartup(String message) {
            super(message);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
