package io.microdrama.console.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The gateway answered with an error (an RFC 9457 problem, or something else when it could not be reached).
 *
 * @param status HTTP status (0 when the gateway could not be reached at all)
 * @param body   the answer's JSON when it had one (a problem, or a QC report answered with 422), else null
 */
public class GatewayProblem extends RuntimeException {

    private final int status;
    private final transient JsonNode body;

    public GatewayProblem(int status, JsonNode body, String message) {
        super(message);
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public JsonNode body() {
        return body;
    }
}
