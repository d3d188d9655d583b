package io.microdrama.support.problem;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods a path allows, read once from the application's JAX-RS resources ({@code @Path} and the HTTP method
 * annotations), for the {@code Allow} header of a 405 (Quarkus REST sends none with its own).
 */
final class AllowedMethods {

    private record Operation(String method, Pattern path) {
    }

    private static volatile List<Operation> operations;

    private AllowedMethods() {
    }

    /** "GET, HEAD, PUT" for a path, or "" when no resource knows it. */
    static String of(String path) {
        Set<String> methods = new TreeSet<>();
        for (Operation operation : operations()) {
            if (operation.path().matcher(path).matches()) {
                methods.add(operation.method());
                if (operation.method().equals(HttpMethod.GET)) {
                    methods.add(HttpMethod.HEAD);
                }
            }
        }
        return String.join(", ", methods);
    }

    private static List<Operation> operations() {
        List<Operation> known = operations;
        if (known == null) {
            known = scan();
            operations = known;
        }
        return known;
    }

    private static List<Operation> scan() {
        List<Operation> found = new ArrayList<>();
        if (Arc.container() == null) {
            return found;
        }
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                found.add(new Operation(http, template(join(root.value(), sub == null ? "" : sub.value()))));
            }
        }
        return List.copyOf(found);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = "/" + root + "/" + sub;
        path = path.replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A JAX-RS path template as a regular expression: {@code {name}} one segment, {@code {name: regex}} its regex. */
    static Pattern template(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int depth = 1;
                int end = i + 1;
                while (end < template.length() && depth > 0) {
                    char d = template.charAt(end);
                    depth += d == '{' ? 1 : d == '}' ? -1 : 0;
                    end++;
                }
                String variable = template.substring(i + 1, end - 1);
                int colon = variable.indexOf(':');
                regex.append(colon < 0 ? "[^/]+" : "(?:" + variable.substring(colon + 1).trim() + ")");
                i = end;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(regex + "/?");
    }
}
