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
 * required: no demo users, no development client secrets, no redirect to a loopback address. Placeholders used and
 * declared agree.
 */
public final class RealmImportCheck implements Check {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final Pattern LOOPBACK = Pattern.compile("^https?://(localhost|127\\.[0-9.]+|\\[::1])([:/]|$)");
    private static final String POST_LOGOUT_REDIRECTS = "post.logout.redirect.uris";

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
            if (!normalized(realm).equals(normalized(file))) {
                problems.add(id + ": spec.realm differs from deploy/keycloak/microdrama-realm.json beyond the allowed"
                        + " changes (users removed, client secrets as placeholders, redirect addresses); regenerate base/keycloak/"
                        + "realm-import.yaml (RealmImportSyncTest) and check the overlay's patch");
            }
            if (overlay.name().equals("prod")) {
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

    /** The realm without users, client secrets and redirect addresses: what must match the file. */
    static JsonNode normalized(JsonNode realm) {
        ObjectNode copy = ((ObjectNode) realm).deepCopy();
        copy.remove("users");
        if (copy.get("clients") instanceof ArrayNode clients) {
            clients.forEach(c -> {
                ObjectNode client = (ObjectNode) c;
                if (client.has("secret")) {
                    client.put("secret", "");
                }
                client.remove(List.of("redirectUris", "webOrigins"));
                if (client.get("attributes") instanceof ObjectNode attributes) {
                    attributes.remove(POST_LOGOUT_REDIRECTS);
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
