package io.microdrama.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands where the OpenTelemetry collector would: accepts OTLP/HTTP protobuf exports and keeps their bodies. Spans
 * are not decoded; a body holds its resource's {@code service.name} as text and each span's trace id as 16 raw
 * bytes, which is enough to tell which service exported spans of which trace.
 */
final class OtlpCollectorStandIn implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    OtlpCollectorStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                exports.add(body.readAllBytes());
            }
            // An empty protobuf message is a valid ExportTraceServiceResponse: everything accepted.
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether {@code serviceName} exported at least one span of the trace {@code traceIdHex}. */
    boolean exported(String serviceName, String traceIdHex) {
        byte[] name = serviceName.getBytes(StandardCharsets.UTF_8);
        byte[] traceId = HexFormat.of().parseHex(traceIdHex);
        return exports.stream().anyMatch(body -> contains(body, name) && contains(body, traceId));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
