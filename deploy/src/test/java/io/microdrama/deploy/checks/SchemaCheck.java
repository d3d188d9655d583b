package io.microdrama.deploy.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microdrama.deploy.K8s;
import io.microdrama.deploy.Overlay;
import io.microdrama.deploy.Platform;
import io.microdrama.deploy.schema.KubernetesSchemas;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every rendered object conforms to the schema of its kind (see {@link KubernetesSchemas} for the sources). */
public final class SchemaCheck implements Check {

    private static KubernetesSchemas schemas;

    public static synchronized KubernetesSchemas schemas() {
        if (schemas == null) {
            schemas = KubernetesSchemas.load(List.of(Platform.strimziCrdDir(), testResourceDir("published-crds"),
                    testResourceDir("minimal-crds")));
        }
        return schemas;
    }

    private static Path testResourceDir(String name) {
        try {
            var url = SchemaCheck.class.getClassLoader().getResource(name);
            if (url == null) {
                throw new IllegalStateException("test resource directory " + name + " is missing");
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public List<String> run(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : overlay.manifest().objects()) {
            for (String problem : schemas().validate(object)) {
                problems.add(K8s.apiVersion(object) + " " + K8s.id(object) + ": " + problem);
            }
        }
        return problems;
    }
}
