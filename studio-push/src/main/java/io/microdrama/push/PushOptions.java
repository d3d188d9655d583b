package io.microdrama.push;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Command line and environment of studio-push; secrets may come from the environment so they stay out of shell history. */
record PushOptions(List<Path> packages, String gateway, String tokenUrl, String clientId, String clientSecret,
        boolean publish, boolean republish, boolean validateOnly, boolean allowQcFailures, boolean verbose, boolean quiet,
        int parallel, Duration waitForDrama, Path stateDir, boolean help) {

    static final String USAGE = """
            usage: studio-push [options] PACKAGE_DIR...

            Pushes drama packages (docs/studio-packages.md) through the platform gateway.
              --gateway URL          gateway base URL           (env MICRODRAMA_GATEWAY, default http://127.0.0.1:8080)
              --token-url URL        Keycloak token endpoint    (env MICRODRAMA_TOKEN_URL, default the local devstack realm)
              --client-id ID         the studio's client id     (env STUDIO_CLIENT_ID)
              --client-secret S      the studio's client secret (env STUDIO_CLIENT_SECRET)
              --publish              publish the drama (needed before subtitles can be delivered)
              --republish            allow removing published episodes (publishes in the same step)
              --validate-only        check the packages locally and send nothing
              --allow-qc-failures    send subtitles that fail quality control anyway (the platform stores them
                                     as QC_FAILED) and exit 0 even when subtitles fail it
              --parallel N           subtitle requests (one per language) at once (default 4)
              --verbose              print every QC finding, INFO included, and the platform's warnings
              --quiet                no line per accepted subtitle or per file with QC warnings only
                                     (failures and summaries only)
              --state-dir DIR        keep what was delivered under DIR instead of PACKAGE_DIR/.studio-push
            Every subtitle file is checked first with the platform's quality control (same rules, same per-language
            profiles); errors stop the run before anything is sent, warnings are printed.
            Exit codes: 0 done; 1 a package is invalid (nothing sent); 2 a subtitle fails QC (locally: nothing sent)
            or the platform refused something; 3 the platform or Keycloak is unreachable; 64 bad command line.""";

    static PushOptions parse(String[] args, Map<String, String> env) {
        List<Path> packages = new ArrayList<>();
        String gateway = env.getOrDefault("MICRODRAMA_GATEWAY", "http://127.0.0.1:8080");
        String tokenUrl = env.getOrDefault("MICRODRAMA_TOKEN_URL",
                "http://127.0.0.1:8180/realms/microdrama/protocol/openid-connect/token");
        String clientId = env.get("STUDIO_CLIENT_ID");
        String clientSecret = env.get("STUDIO_CLIENT_SECRET");
        boolean publish = false;
        boolean republish = false;
        boolean validateOnly = false;
        boolean allowQcFailures = false;
        boolean verbose = false;
        boolean quiet = false;
        boolean help = false;
        int parallel = 4;
        Path stateDir = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--gateway" -> gateway = value(args, ++i, arg);
                case "--token-url" -> tokenUrl = value(args, ++i, arg);
                case "--client-id" -> clientId = value(args, ++i, arg);
                case "--client-secret" -> clientSecret = value(args, ++i, arg);
                case "--publish" -> publish = true;
                case "--republish" -> republish = true;
                case "--validate-only" -> validateOnly = true;
                case "--allow-qc-failures" -> allowQcFailures = true;
                case "--verbose" -> verbose = true;
                case "--quiet" -> quiet = true;
                case "--state-dir" -> stateDir = Path.of(value(args, ++i, arg));
                case "--parallel" -> parallel = Integer.parseInt(value(args, ++i, arg));
                case "-h", "--help" -> help = true;
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    packages.add(Path.of(arg));
                }
            }
        }
        if (!help && packages.isEmpty()) {
            throw new IllegalArgumentException("name at least one package folder");
        }
        if (!help && !validateOnly && (clientId == null || clientSecret == null)) {
            throw new IllegalArgumentException("--client-id and --client-secret (or STUDIO_CLIENT_ID/STUDIO_CLIENT_SECRET) are required");
        }
        if (parallel < 1 || parallel > 32) {
            throw new IllegalArgumentException("--parallel must be 1..32");
        }
        return new PushOptions(packages, gateway, tokenUrl, clientId, clientSecret, publish, republish, validateOnly,
                allowQcFailures, verbose, quiet, parallel, Duration.ofSeconds(60), stateDir, help);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
