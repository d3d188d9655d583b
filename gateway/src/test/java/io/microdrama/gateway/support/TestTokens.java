package io.microdrama.gateway.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.eclipse.microprofile.config.ConfigProvider;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Access tokens shaped like the realm's (realm_access.roles, studio_id, regions, languages), signed with the test key. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String studio(String studioId) {
        return token("service-account-studio-" + studioId, Set.of("studio"), Map.of("studio_id", studioId));
    }

    public static String ops(String... regions) {
        return token("ops-user", Set.of("ops"), Map.of("regions", List.of(regions)));
    }

    public static String localizer(String... languages) {
        return token("localizer-user", Set.of("localizer"), Map.of("languages", List.of(languages)));
    }

    public static String admin() {
        return token("admin", Set.of("admin"), Map.of());
    }

    /** Every role and scope at once: reaches every route (for routing tests). */
    public static String everything() {
        return token("everything", Set.of("studio", "ops", "localizer", "admin"),
                Map.of("studio_id", "aurora", "regions", List.of("US", "EU"), "languages", List.of("de", "ja")));
    }

    public static String token(String user, Set<String> roles, Map<String, Object> claims) {
        JwtClaimsBuilder builder = Jwt.issuer(FakeUpstreamsResource.ISSUER).audience("microdrama-api").subject(user)
                .claim("preferred_username", user).claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .expiresIn(300);
        claims.forEach(builder::claim);
        return builder.jws().keyId("test-key").sign(privateKey());
    }

    private static PrivateKey privateKey() {
        try {
            String encoded = ConfigProvider.getConfig().getValue("test.jwt.private-key", String.class);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
