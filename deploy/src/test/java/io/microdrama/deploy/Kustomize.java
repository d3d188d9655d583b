package io.microdrama.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a kustomization with {@code kubectl kustomize}, which works offline. */
public final class Kustomize {

    private static final Map<Path, String> RENDERED = new ConcurrentHashMap<>();
    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("\"kustomizeVersion\"\\s*:\\s*\"v(\\d+)\\.");

    private Kustomize() {
    }

    private static volatile Optional<Path> usable;

    /**
     * A kubectl whose built-in kustomize can render the overlays: $KUBECTL, else the first kubectl on the PATH,
     * provided it reports kustomize v5 or newer (kubectl 1.27+). Older ones (Debian bookworm's kubernetes-client is
     * 1.20 with kustomize v2) fail on the overlays' patches and labels.
     */
    public static Optional<Path> kubectl() {
        Optional<Path> known = usable;
        if (known == null) {
            known = find().filter(Kustomize::bundlesKustomize5);
            usable = known;
        }
        return known;
    }

    private static Optional<Path> find() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean bundlesKustomize5(Path kubectl) {
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "version", "--client", "-o", "json")
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            Matcher m = KUSTOMIZE_VERSION.matcher(out);
            return process.exitValue() == 0 && m.find() && Integer.parseInt(m.group(1)) >= 5;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static String missingKubectlMessage() {
        return "no kubectl with kustomize v5+ found (set KUBECTL or put kubectl 1.27+ on the PATH): the Kubernetes"
                + " manifests were NOT validated. In CI (CI=true) this is a failure, not a skip; see deploy/README.md.";
    }

    /** The rendered YAML of the kustomization in {@code dir}; rendered once per JVM. */
    public static String render(Path dir) {
        return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::run);
    }

    private static String run(Path dir) {
        Path kubectl = kubectl().orElseThrow(() -> new IllegalStateException(missingKubectlMessage()));
        try {
            Path stderr = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish within 60 s");
            }
            String err = Files.readString(stderr);
            Files.deleteIfExists(stderr);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed:\n" + err);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl kustomize " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
