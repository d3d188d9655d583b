package io.microdrama.gateway.domain;


/**
 * One operation of the public API: method and path as in the OpenAPI document, who may call it, and where it goes.
 * {@code upstream} is null for an answer the gateway composes itself (the aggregated ops view of a drama).
 */
public record Route(String method, PathTemplate path, Upstream upstream, Access access) {

    public static Route of(String method, String path, Upstream upstream, Access access) {
        return new Route(method, PathTemplate.of(path), upstream, access);
    }

    public boolean aggregated() {
        return upstream == null;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
