package io.microdrama.gateway.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Three tiny HTTP servers standing in for catalog, localization and billing. By default each answers 200 with an echo
 * of what it received (which service, method, path, query, headers, body). The test steers an answer through the query
 * parameter {@code fake} (the gateway passes the query on untouched):
 * <ul>
 * <li>{@code status:N} answer N (5xx as problem+json with Retry-After: 7); {@code html500}: a 500 HTML stack trace;</li>
 * <li>{@code close}: drop the connection without answering; {@code delay:MS}: answer after MS milliseconds;</li>
 * <li>{@code fail-first:N:KEY}: drop the connection for the first N calls with that key, then echo;</li>
 * <li>{@code headers}: answer with ETag, Cache-Control, Location, Content-Disposition, and headers that must not leak;</li>
 * <li>{@code conditional}: 304 when If-None-Match is {@code "v1"}, else 200 with that ETag;</li>
 * <li>{@code gzip}: the echo gzipped (Content-Encoding: gzip) when Accept-Encoding allows gzip, else plain.</li>
 * </ul>
 * A parameter {@code cache} makes the echo an answer a shared cache may or may not keep, gzipped when Accept-Encoding
 * allows gzip, with {@code Vary: Accept-Encoding, Accept-Language} and an ETag per path, query and coding:
 * {@code public} ({@code Cache-Control: public, max-age=30}), {@code private}, {@code no-store} ({@code public, no-store}),
 * {@code cookie} (public, with a Set-Cookie); {@code pad=N} adds N characters to it.
 * A parameter {@code count=KEY} counts the calls that reached a fake, whatever the answer.
 * The ops drama parts ({@code /api/v1/ops/dramas/agg-…}, {@code .../plan}, {@code .../prices}) answer canned views in
 * US, DE and JP; an id containing {@code missing} is 404 at catalog, {@code catalog-down}, {@code localization-slow} or
 * {@code billing-down} breaks that part.
 * Control (called by tests directly): {@code GET /__control/calls?key=K}, {@code POST /__control/stop/{service}},
 * {@code POST /__control/start/{service}}.
 */
public final class FakeUpstreams implements AutoCloseable {

    public static final String[] SERVICES = { "catalog-service", "localization-service", "billing-service" };

    private final Vertx vertx = Vertx.vertx();
    private final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public static FakeUpstreams start() {
        FakeUpstreams fakes = new FakeUpstreams();
        for (String service : SERVICES) {
            fakes.ports.put(service, fakes.listen(service, 0));
        }
        return fakes;
    }

    public String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    private int listen(String service, int port) {
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> handle(service, request))
                    .listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            servers.put(service, server);
            return server.actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("Fake " + service + " did not start", e);
        }
    }

    private void stop(String service) {
        HttpServer server = servers.remove(service);
        if (server != null) {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void handle(String service, HttpServerRequest request) {
        request.body().onSuccess(body -> {
            String path = request.path();
            if (path.startsWith("/__control/")) {
                control(request, path.substring("/__control/".length()));
                return;
            }
            String fake = request.getParam("fake", "");
            String counted = request.getParam("count");
            if (counted != null) {
                calls.computeIfAbsent(counted, k -> new AtomicInteger()).incrementAndGet();
            }
            if (fake.startsWith("fail-first:")) {
                String[] parts = fake.split(":");
                int count = calls.computeIfAbsent(parts[2], k -> new AtomicInteger()).incrementAndGet();
                if (count <= Integer.parseInt(parts[1])) {
                    request.connection().close();
                    return;
                }
            }
            if (fake.equals("close") || (path.contains("catalog-down") && service.equals("catalog-service"))
                    || (path.contains("billing-down") && service.equals("billing-service"))) {
                request.connection().close();
                return;
            }
            long delay = fake.startsWith("delay:") ? Long.parseLong(fake.substring(6))
                    : path.contains("localization-slow") && service.equals("localization-service") ? 10_000 : 0;
            Runnable answer = () -> answer(service, request, body.toString(), fake);
            if (delay > 0) {
                vertx.setTimer(delay, id -> answer.run());
            } else {
                answer.run();
            }
        });
    }

    private void answer(String service, HttpServerRequest request, String body, String fake) {
        var response = request.response();
        if (response.closed()) {
            return;
        }
        String path = request.path();
        if (path.matches("/api/v1/ops/dramas/agg-[^/]+") || path.matches("/api/v1/localization/dramas/agg-[^/]+/plan")
                || path.matches("/api/v1/billing/dramas/agg-[^/]+/prices")) {
            opsDramaPart(request, path);
            return;
        }
        if (fake.startsWith("status:")) {
            int status = Integer.parseInt(fake.substring(7));
            if (status >= 500) {
                response.setStatusCode(status).putHeader("Content-Type", "application/problem+json").putHeader("Retry-After", "7")
                        .end(new JsonObject().put("type", "about:blank").put("title", "Fake failure").put("status", status)
                                .put("detail", service + " says no").encode());
                return;
            }
            response.setStatusCode(status);
        }
        if (fake.equals("html500")) {
            response.setStatusCode(500).putHeader("Content-Type", "text/html")
                    .end("<html><body>java.lang.NullPointerException at io.example.Secret.method(Secret.java:42)</body></html>");
            return;
        }
        if (fake.equals("headers")) {
            response.putHeader("ETag", "\"v1\"").putHeader("Cache-Control", "public, max-age=30")
                    .putHeader("Location", url(service) + "/api/v1/somewhere/new")
                    .putHeader("Content-Disposition", "inline; filename=\"x.vtt\"")
                    .putHeader("Set-Cookie", "upstream-session=secret").putHeader("X-Internal-Secret", "leak")
                    .putHeader("Server", "fake-upstream/1.0");
        }
        if (fake.equals("conditional")) {
            response.putHeader("ETag", "\"v1\"").putHeader("Cache-Control", "public, max-age=30");
            if ("\"v1\"".equals(request.getHeader("If-None-Match"))) {
                response.setStatusCode(304).end();
                return;
            }
        }
        JsonObject headers = new JsonObject();
        request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
        String echo = new JsonObject()
                .put("upstream", service).put("method", request.method().name()).put("path", path)
                .put("query", request.query()).put("headers", headers).put("bodyLength", body.length())
                .put("body", body.length() > 2000 ? body.substring(0, 2000) : body).encode();
        String cache = request.getParam("cache");
        if (cache != null) {
            cacheableEcho(request, response, echo + " ".repeat(Integer.parseInt(request.getParam("pad", "0"))), cache);
            return;
        }
        if (fake.equals("gzip")) {
            response.putHeader("Vary", "Accept-Encoding");
            String accepted = request.getHeader("Accept-Encoding");
            if (accepted != null && accepted.contains("gzip")) {
                response.putHeader("Content-Type", "application/json").putHeader("Content-Encoding", "gzip")
                        .end(io.vertx.core.buffer.Buffer.buffer(gzip(echo)));
                return;
            }
        }
        response.putHeader("Content-Type", "application/json").end(echo);
    }

    private static void cacheableEcho(HttpServerRequest request, io.vertx.core.http.HttpServerResponse response, String echo,
            String cache) {
        String accepted = request.getHeader("Accept-Encoding");
        boolean gzip = accepted != null && accepted.contains("gzip");
        response.putHeader("Content-Type", "application/json").putHeader("Vary", "Accept-Encoding, Accept-Language")
                .putHeader("ETag", "\"v" + Integer.toHexString((request.path() + "?" + request.query()).hashCode())
                        + (gzip ? "-gzip" : "") + "\"")
                .putHeader("Cache-Control", switch (cache) {
                    case "private" -> "private, max-age=30";
                    case "no-store" -> "public, no-store";
                    default -> "public, max-age=30";
                });
        if (cache.equals("cookie")) {
            response.putHeader("Set-Cookie", "session=someone");
        }
        if (gzip) {
            response.putHeader("Content-Encoding", "gzip").end(io.vertx.core.buffer.Buffer.buffer(gzip(echo)));
        } else {
            response.end(echo);
        }
    }

    private static byte[] gzip(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** Canned parts of the ops view: the drama in US, DE and JP, its plan and its prices in the same regions. */
    private void opsDramaPart(HttpServerRequest request, String path) {
        String id = path.split("/")[5];
        JsonArray regions = new JsonArray();
        for (String region : new String[] { "US", "DE", "JP" }) {
            regions.add(new JsonObject().put("region", region).put("state", "LIVE"));
        }
        var response = request.response().putHeader("Content-Type", "application/json");
        if (id.contains("missing") && path.startsWith("/api/v1/ops/")) {
            response.setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("title", "Not Found").put("status", 404).encode());
        } else if (path.startsWith("/api/v1/ops/")) {
            response.end(new JsonObject().put("id", id).put("title", "Fake drama").put("rollout", regions).encode());
        } else if (path.endsWith("/plan")) {
            response.end(new JsonObject().put("dramaId", id).put("regions", regions).encode());
        } else {
            response.end(regions.encode());
        }
    }

    private void control(HttpServerRequest request, String command) {
        if (command.equals("calls")) {
            AtomicInteger count = calls.get(request.getParam("key"));
            request.response().end(Integer.toString(count == null ? 0 : count.get()));
        } else if (command.startsWith("stop/")) {
            String service = command.substring(5);
            vertx.executeBlocking(() -> {
                stop(service);
                return null;
            }).onComplete(result -> request.response().setStatusCode(result.succeeded() ? 200 : 500).end());
        } else if (command.startsWith("start/")) {
            String service = command.substring(6);
            vertx.executeBlocking(() -> listen(service, ports.get(service)))
                    .onComplete(result -> request.response().setStatusCode(result.succeeded() ? 200 : 500).end());
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
