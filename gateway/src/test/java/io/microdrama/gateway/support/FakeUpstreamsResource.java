package io.microdrama.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Fake services behind the gateway, and a signing key the gateway trusts instead of Keycloak (its public half as
 * {@code quarkus.oidc.public-key}), so these tests verify real signed JWTs without starting Keycloak. The private half
 * reaches the tests as config {@code test.jwt.private-key}. Timeouts and breaker thresholds are small so failures
 * show quickly; rate limits are out of the way unless init args set them (RateLimitTest).
 */
public class FakeUpstreamsResource implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://issuer.test/realms/microdrama";

    private FakeUpstreams fakes;
    private Map<String, String> overrides = Map.of();

    /** Init args are config keys that replace the defaults below (RateLimitTest uses small buckets). */
    @Override
    public void init(Map<String, String> initArgs) {
        overrides = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        fakes = FakeUpstreams.start();
        KeyPair keys = rsaKeys();
        Map<String, String> config = new HashMap<>();
        config.put("gateway.upstream.catalog", fakes.url("catalog-service"));
        config.put("gateway.upstream.localization", fakes.url("localization-service"));
        config.put("gateway.upstream.billing", fakes.url("billing-service"));
        config.put("quarkus.oidc.auth-server-url", "");
        config.put("quarkus.oidc.public-key", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        config.put("quarkus.oidc.token.issuer", ISSUER);
        config.put("test.jwt.private-key", Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        config.put("gateway.resilience.timeout", "1s");
        config.put("gateway.resilience.read-retries", "2");
        config.put("gateway.resilience.retry-backoff", "20ms");
        config.put("gateway.resilience.circuit-breaker.request-volume", "8");
        config.put("gateway.resilience.circuit-breaker.failure-ratio", "0.75");
        config.put("gateway.resilience.circuit-breaker.delay", "30s");
        config.put("gateway.rate-limit.storefront.burst", "100000");
        config.put("gateway.rate-limit.studio-push.burst", "100000");
        config.putAll(overrides);
        return config;
    }

    static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (fakes != null) {
            fakes.close();
        }
    }
}
