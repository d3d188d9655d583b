package io.microdrama.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microdrama.deploy.K8s;
import io.microdrama.deploy.Overlay;
import io.microdrama.deploy.Platform;
import io.microdrama.deploy.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The realm Keycloak imports is the project's realm file (deploy/keycloak/microdrama-realm.json), the one devstack
 * and compose use, with only these differences allowed: users removed, client secrets replaced by declared
 * placeholders, and the browser addresses a client may redirect to (they differ per environment). In prod all are
 * required: no demo users, no development client secrets, no redirect to a loopback address. Prod may also differ in
 * the login and token settings ({@link #PROD_REALM_SETTINGS}, {@link #PROD_CLIENT_SETTINGS}) and must be hardened
 * there: browser clients on the code flow with PKCE only (no password grant, no implicit or device flow),
 * brute-force detection, a password policy, single-use refresh tokens and bounded token and session lifetimes.
 * Placeholders used and declared agree.
 */
public final class RealmImportCheck implements Check {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final Pattern LOOPBACK = Pattern.compile("^https?://(localhost|127\\.[0-9.]+|\\[::1])([:/]|$)");
    private static final String POST_LOGOUT_REDIRECTS = "post.logout.redirect.uris";
    private static final String PKCE_METHOD = "pkce.code.challenge.method";
    private static final String DEVICE_GRANT = "oauth2.device.authorization.grant.enabled";
    private static final Pattern MINIMUM_LENGTH = Pattern.compile("(?:^|\\s)length\\((\\d+)\\)");

    /** Realm settings prod may set differently from the realm file (they keep local use convenient there). */
    static final Set<String> PROD_REALM_SETTINGS = Set.of("bruteForceProtected", "permanentLockout", "failureFactor",
            "waitIncrementSeconds", "maxFailureWaitSeconds", "maxDeltaTimeSeconds", "quickLoginCheckMilliSeconds",
            "minimumQuickLoginWaitSeconds", "passwordPolicy", "revokeRefreshToken", "refreshTokenMaxReuse",
            "accessTokenLifespan", "accessCodeLifespan", "ssoSessionIdleTimeout", "ssoSessionMaxLifespan");
    /** Client settings prod may set differently: which grants a client may use. */
    static final Set<String> PROD_CLIENT_SETTINGS = Set.of("directAccessGrantsEnabled", "implicitFlowEnabled",
            "standardFlowEnabled");
    static final Set<String> PROD_CLIENT_ATTRIBUTES = Set.of(PKCE_METHOD, DEVICE_GRANT);

    /** Upper bounds in prod (seconds): a stolen access token or an unattended session must expire soon. */
    static final int MAX_ACCESS_TOKEN_LIFESPAN = 900;
    static final int MAX_SSO_SESSION_IDLE = 3600;
    static final int MAX_SSO_SESSION_LIFESPAN = 86400;
    static final int MAX_FAILURES_BEFORE_LOCKOUT = 10;
    static final int MIN_PASSWORD_LENGTH = 12;

    @Override
    public String name() {
        return "realm-import";
    }

    @Override
    public List<String> run(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        JsonNode file = Yaml.read(Platform.realmFile());
        String realmName = file.path("realm").asText();
        boolean found = false;
        for (JsonNode realmImport : overlay.manifest().ofKind("KeycloakRealmImport")) {
            String id = K8s.id(realmImport);
            JsonNode realm = realmImport.path("spec").path("realm");
            Set<String> used = new TreeSet<>();
            collectPlaceholders(realm, used);
            Set<String> declared = new TreeSet<>();
            realmImport.path("spec").path("placeholders").fieldNames().forEachRemaining(declared::add);
            for (String name : used) {
                if (!declared.contains(name)) {
                    problems.add(id + ": the realm uses ${" + name + "} but spec.placeholders does not declare it");
                }
            }
            for (String name : declared) {
                if (!used.contains(name)) {
                    problems.add(id + ": placeholder " + name + " is declared but the realm never uses it");
                }
            }
            if (!realmName.equals(realm.path("realm").asText())) {
                continue;
            }
            found = true;
            boolean prod = overlay.name().equals("prod");
            if (!normalized(realm, prod).equals(normalized(file, prod))) {
                problems.add(id + ": spec.realm differs from deploy/keycloak/microdrama-realm.json beyond the allowed"
                        + " changes (users removed, client secrets as placeholders, redirect addresses"
                        + (prod ? ", prod login and token settings" : "") + "); regenerate base/keycloak/"
                        + "realm-import.yaml (RealmImportSyncTest) and check the overlay's patch");
            }
            if (prod) {
                problems.addAll(hardeningProblems(id, realm));
                if (realm.has("users")) {
                    problems.add(id + ": prod imports the demo users of the realm file");
                }
                for (JsonNode client : realm.path("clients")) {
                    String secret = client.path("secret").asText("");
                    if (!secret.isEmpty() && !PLACEHOLDER.matcher(secret).matches()) {
                        problems.add(id + ": prod imports the development secret of client "
                                + client.path("clientId").asText() + " (use a placeholder)");
                    }
                    for (String address : browserAddresses(client)) {
                        if (LOOPBACK.matcher(address).find()) {
                            problems.add(id + ": prod lets client " + client.path("clientId").asText()
                                    + " redirect to " + address + " (a development address)");
                        }
                    }
                }
            }
        }
        if (!found) {
            problems.add("no KeycloakRealmImport imports realm '" + realmName + "' from the realm file");
        }
        return problems;
    }

    /** What prod must hold to: each problem names the setting and what it should be. */
    static List<String> hardeningProblems(String id, JsonNode realm) {
        List<String> problems = new ArrayList<>();
        String prefix = id + ": prod realm ";
        if (!realm.path("bruteForceProtected").asBoolean(false)) {
            problems.add(prefix + "has no brute-force detection (bruteForceProtected: true)");
        } else if (!within(realm.path("failureFactor"), 1, MAX_FAILURES_BEFORE_LOCKOUT)) {
            problems.add(prefix + "allows " + realm.path("failureFactor") + " failed logins before a lockout"
                    + " (failureFactor 1.." + MAX_FAILURES_BEFORE_LOCKOUT + ")");
        }
        Matcher length = MINIMUM_LENGTH.matcher(realm.path("passwordPolicy").asText(""));
        if (!length.find() || Integer.parseInt(length.group(1)) < MIN_PASSWORD_LENGTH) {
            problems.add(prefix + "has no password policy requiring at least " + MIN_PASSWORD_LENGTH
                    + " characters (passwordPolicy: \"length(" + MIN_PASSWORD_LENGTH + ") and ...\")");
        }
        if (!realm.path("revokeRefreshToken").asBoolean(false) || realm.path("refreshTokenMaxReuse").asInt(0) != 0) {
            problems.add(prefix + "does not rotate refresh tokens (revokeRefreshToken: true, refreshTokenMaxReuse: 0)");
        }
        requireLifetime(problems, prefix, realm, "accessTokenLifespan", MAX_ACCESS_TOKEN_LIFESPAN);
        requireLifetime(problems, prefix, realm, "ssoSessionIdleTimeout", MAX_SSO_SESSION_IDLE);
        requireLifetime(problems, prefix, realm, "ssoSessionMaxLifespan", MAX_SSO_SESSION_LIFESPAN);
        for (JsonNode client : realm.path("clients")) {
            String clientId = client.path("clientId").asText();
            // Keycloak's defaults for absent flags have changed between versions: prod states each one.
            if (!isFalse(client.path("directAccessGrantsEnabled"))) {
                problems.add(prefix + "lets client " + clientId + " use the password grant"
                        + " (directAccessGrantsEnabled must be false)");
            }
            if (!isFalse(client.path("implicitFlowEnabled"))) {
                problems.add(prefix + "lets client " + clientId + " use the implicit flow"
                        + " (implicitFlowEnabled must be false)");
            }
            if (client.path("attributes").path(DEVICE_GRANT).asText("false").equals("true")) {
                problems.add(prefix + "lets client " + clientId + " use the device grant");
            }
            if (client.path("publicClient").asBoolean(false)) {
                if (!client.path("standardFlowEnabled").asBoolean(false)
                        || !"S256".equals(client.path("attributes").path(PKCE_METHOD).asText())) {
                    problems.add(prefix + "lets public client " + clientId + " sign in without the code flow with"
                            + " PKCE (standardFlowEnabled: true, attributes." + PKCE_METHOD + ": S256)");
                }
            }
        }
        return problems;
    }

    private static void requireLifetime(List<String> problems, String prefix, JsonNode realm, String field, int max) {
        if (!within(realm.path(field), 1, max)) {
            problems.add(prefix + "sets " + field + " to " + realm.path(field) + " (1.." + max
                    + " seconds, stated explicitly)");
        }
    }

    private static boolean within(JsonNode value, int min, int max) {
        return value.isIntegralNumber() && value.asInt() >= min && value.asInt() <= max;
    }

    private static boolean isFalse(JsonNode flag) {
        return flag.isBoolean() && !flag.asBoolean();
    }

    /**
     * The realm without users, client secrets and redirect addresses (and, for prod, its login and token settings):
     * what must match the file.
     */
    static JsonNode normalized(JsonNode realm, boolean prod) {
        ObjectNode copy = ((ObjectNode) realm).deepCopy();
        copy.remove("users");
        if (prod) {
            copy.remove(PROD_REALM_SETTINGS);
        }
        if (copy.get("clients") instanceof ArrayNode clients) {
            clients.forEach(c -> {
                ObjectNode client = (ObjectNode) c;
                if (client.has("secret")) {
                    client.put("secret", "");
                }
                client.remove(List.of("redirectUris", "webOrigins"));
                if (prod) {
                    client.remove(PROD_CLIENT_SETTINGS);
                }
                if (client.get("attributes") instanceof ObjectNode attributes) {
                    attributes.remove(POST_LOGOUT_REDIRECTS);
                    if (prod) {
                        attributes.remove(PROD_CLIENT_ATTRIBUTES);
                    }
                }
            });
        }
        return copy;
    }

    /** Where a browser may be sent back to after login or logout, and which origins may call with its tokens. */
    private static List<String> browserAddresses(JsonNode client) {
        List<String> addresses = new ArrayList<>();
        client.path("redirectUris").forEach(uri -> addresses.add(uri.asText()));
        client.path("webOrigins").forEach(origin -> addresses.add(origin.asText()));
        for (String uri : client.path("attributes").path(POST_LOGOUT_REDIRECTS).asText("").split("##")) {
            if (!uri.isBlank()) {
                addresses.add(uri);
            }
        }
        return addresses;
    }

    private static void collectPlaceholders(JsonNode node, Set<String> into) {
        if (node.isTextual()) {
            Matcher m = PLACEHOLDER.matcher(node.asText());
            while (m.find()) {
                into.add(m.group(1));
            }
        }
        node.forEach(child -> collectPlaceholders(child, into));
    }
}
