package io.microdrama.support.input;

import io.microdrama.support.problem.Problem.FieldError;
import io.microdrama.support.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks of a matched request, before its resource method runs (so before the gateway forwards anything):
 * <ul>
 *   <li>every path parameter and query parameter (name and value) passes {@link TextRules} (400 naming it);</li>
 *   <li>an operation that consumes JSON gets exactly {@code application/json}, in UTF-8 (no charset or
 *       {@code charset=utf-8}); a missing Content-Type, a wildcard, another type or charset is 415.</li>
 * </ul>
 */
public class InputFilters {

    @ServerRequestFilter
    public void textOfPathAndQuery(UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        check(uri.getPathParameters(true), "path parameter", errors);
        MultivaluedMap<String, String> query;
        try {
            query = uri.getQueryParameters(true);
        } catch (RuntimeException e) {
            throw new ProblemException(400, "Bad Request", "The query string has a malformed percent-encoding");
        }
        check(query, "query parameter", errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad Request", "The request has " + errors.size()
                    + " unacceptable path or query parameter(s): " + errors.get(0).field() + " " + errors.get(0).message(),
                    errors);
        }
    }

    private static void check(MultivaluedMap<String, String> parameters, String kind, List<FieldError> errors) {
        parameters.forEach((name, values) -> {
            Optional<String> nameProblem = TextRules.problem(name);
            if (nameProblem.isPresent()) {
                errors.add(new FieldError(printable(name), "(" + kind + " name) " + nameProblem.get()));
                return;
            }
            for (String value : values) {
                TextRules.problem(value).ifPresent(problem -> errors.add(new FieldError(name, "(" + kind + ") " + problem)));
            }
        });
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    @ServerRequestFilter
    public void jsonContentType(SimpleResourceInfo resource, ContainerRequestContext request) {
        String method = request.getMethod();
        boolean carriesBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        if (!carriesBody || resource == null || resource.getResourceClass() == null || !consumesJson(resource)) {
            return;
        }
        String declared = request.getHeaderString("Content-Type");
        jsonContentTypeProblem(declared).ifPresent(problem -> {
            throw new ProblemException(415, "Unsupported Media Type", problem);
        });
    }

    /** Why a Content-Type is not acceptable for a JSON body, or empty. */
    static Optional<String> jsonContentTypeProblem(String declared) {
        if (declared == null || declared.isBlank()) {
            return Optional.of("A JSON body needs Content-Type: application/json");
        }
        MediaType type;
        try {
            type = MediaType.valueOf(declared);
        } catch (IllegalArgumentException e) {
            return Optional.of("The Content-Type is not a media type; send application/json");
        }
        if (type.isWildcardType() || type.isWildcardSubtype() || !type.getType().equalsIgnoreCase("application")
                || !type.getSubtype().equalsIgnoreCase("json")) {
            return Optional.of("The body must be sent as application/json, not " + type.getType() + "/" + type.getSubtype());
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.toLowerCase(Locale.ROOT).replace("\"", "").equals("utf-8")) {
            return Optional.of("JSON must be UTF-8; the request declares charset=" + charset);
        }
        return Optional.empty();
    }

    private static boolean consumesJson(SimpleResourceInfo resource) {
        Consumes consumes = null;
        try {
            Method method = resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
            consumes = method.getAnnotation(Consumes.class);
        } catch (NoSuchMethodException e) {
            // a method we cannot see (not public): fall back to the class
        }
        if (consumes == null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        return consumes != null && Arrays.stream(consumes.value()).flatMap(value -> Arrays.stream(value.split(",")))
                .map(value -> value.trim().toLowerCase(Locale.ROOT))
                .anyMatch(value -> value.startsWith(MediaType.APPLICATION_JSON));
    }
}
