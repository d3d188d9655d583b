package io.microdrama.gateway;

import io.microdrama.gateway.support.FakeUpstreamsResource;
import io.microdrama.gateway.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compression is negotiated per request: a service's gzipped answer passes through the storefront's thin hop as it is
 * (only to a client that accepts gzip, since the client's Accept-Encoding is what the service saw), and the gateway
 * compresses its own buffered JSON answers for a client that accepts gzip.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeUpstreamsResource.class, restrictToAnnotatedClass = true)
class CompressionTest {

    /** Keeps the bytes as they came over the wire (no automatic decoding). */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void aServicesGzipPassesThroughToAClientThatAcceptsIt() throws Exception {
        Response zipped = given().config(RAW).header("Accept-Encoding", "gzip").get("/api/v1/storefront/DE/dramas?fake=gzip");
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.header("Vary")).isEqualTo("Accept-Encoding");
        String echo = new String(new GZIPInputStream(new ByteArrayInputStream(zipped.asByteArray())).readAllBytes());
        assertThat(echo).contains("\"upstream\":\"catalog-service\"").contains("\"accept-encoding\":\"gzip\"");

        Response plain = given().config(RAW).header("Accept-Encoding", "identity").get("/api/v1/storefront/DE/dramas?fake=gzip");
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.asString()).contains("\"upstream\":\"catalog-service\"");
    }

    @Test
    void theGatewayCompressesABufferedJsonAnswerForAClientThatAcceptsGzip() throws Exception {
        String token = TestTokens.everything();
        Response zipped = given().config(RAW).auth().oauth2(token).header("Accept-Encoding", "gzip")
                .get("/api/v1/studio/dramas?size=50");
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(zipped.asByteArray())).readAllBytes()))
                .contains("\"upstream\":\"catalog-service\"");

        Response plain = given().config(RAW).auth().oauth2(token).get("/api/v1/studio/dramas?size=50");
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.asString()).contains("\"upstream\":\"catalog-service\"");
    }
}
