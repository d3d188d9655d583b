package io.microdrama.gateway.support;

import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** The tests' handle on the fake services (over HTTP, so it works whatever class loader the test runs in). */
public final class Fakes {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Fakes() {
    }

    public static String url(String service) {
        String key = service.replace("-service", "");
        return ConfigProvider.getConfig().getValue("gateway.upstream." + key, String.class);
    }

    /** A fresh key for {@code fake=fail-first:N:KEY} counting. */
    public static String key() {
        return "k" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** How many calls with {@code fake=fail-first:N:key} reached any fake service. */
    public static int calls(String key) {
        return Integer.parseInt(send("GET", controller("-") + "/__control/calls?key=" + key));
    }

    public static void stop(String service) {
        send("POST", controller(service) + "/__control/stop/" + service);
    }

    public static void start(String service) {
        send("POST", controller(service) + "/__control/start/" + service);
    }

    /** Control goes through another fake than the one it concerns, which may be stopped. */
    private static String controller(String concerned) {
        return url(concerned.equals("catalog-service") ? "billing-service" : "catalog-service");
    }

    private static String send(String method, String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + url + " -> " + response.statusCode());
            }
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
