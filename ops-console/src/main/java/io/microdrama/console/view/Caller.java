package io.microdrama.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microdrama.contracts.regions.RegionGroups;
import io.quarkus.qute.TemplateData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is signed in, read from the (already verified) access token, only to build navigation: which region boards and
 * languages to offer. It grants nothing; the gateway checks the same token on every call.
 */
@TemplateData
public record Caller(String name, Set<String> roles, List<String> regions, List<String> languages) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Caller fromAccessToken(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length < 2) {
            return new Caller("", Set.of(), List.of(), List.of());
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            Set<String> roles = new TreeSet<>(strings(claims.path("realm_access").path("roles")));
            List<String> regions = new ArrayList<>(new TreeSet<>(RegionGroups.expand(strings(claims.path("regions")))));
            return new Caller(claims.path("preferred_username").asText(""), Set.copyOf(roles), List.copyOf(regions),
                    strings(claims.path("languages")));
        } catch (IOException | IllegalArgumentException unreadable) {
            return new Caller("", Set.of(), List.of(), List.of());
        }
    }

    public boolean isOps() {
        return roles.contains("ops") || roles.contains("admin");
    }

    public boolean isLocalizer() {
        return roles.contains("localizer") || roles.contains("admin");
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else if (node.isTextual()) {
            values.add(node.asText());
        }
        return List.copyOf(values);
    }
}
