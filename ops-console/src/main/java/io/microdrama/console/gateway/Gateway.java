package io.microdrama.console.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Every call to the gateway goes through here, so every failure becomes one {@link GatewayProblem}. */
@ApplicationScoped
public class Gateway {

    private final GatewayApi api;
    private final ObjectMapper json;

    @Inject
    public Gateway(@RestClient GatewayApi api, ObjectMapper json) {
        this.api = api;
        this.json = json;
    }

    public <T> T call(Function<GatewayApi, T> operation) {
        try {
            return operation.apply(api);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            throw new GatewayProblem(status, readBody(e), "gateway answered " + status);
        } catch (ProcessingException e) {
            throw new GatewayProblem(0, null, "gateway unreachable: " + e.getClass().getSimpleName());
        }
    }

    private JsonNode readBody(WebApplicationException e) {
        try {
            String text = e.getResponse().readEntity(String.class);
            return text == null || text.isBlank() ? null : json.readTree(text);
        } catch (RuntimeException | java.io.IOException notJson) {
            return null;
        }
    }
}
