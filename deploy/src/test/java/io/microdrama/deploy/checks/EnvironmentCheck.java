package io.microdrama.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.microdrama.deploy.ContainerEnv;
import io.microdrama.deploy.K8s;
import io.microdrama.deploy.Overlay;
import io.microdrama.deploy.config.ServiceConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every environment variable a service reads (the {@code ${NAME}} expressions of its application.properties) is set
 * by its Deployment, directly or through envFrom, when the service cannot run without it: no default, a default
 * naming the loopback interface (meaningless in a pod), or a credential (its default is a development value).
 * Also: every service module has a Deployment and every Deployment belongs to a service module.
 */
public final class EnvironmentCheck implements Check {

    @Override
    public String name() {
        return "environment";
    }

    @Override
    public List<String> run(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (ServiceConfig service : overlay.services()) {
            Optional<JsonNode> deployment = overlay.deploymentOf(service);
            if (deployment.isEmpty()) {
                problems.add("service module " + service.module() + " (" + service.applicationName()
                        + ") has no Deployment of that name");
                continue;
            }
            List<JsonNode> containers = K8s.containers(deployment.get());
            if (containers.size() != 1) {
                problems.add(K8s.id(deployment.get()) + ": expected one container, found " + containers.size());
                continue;
            }
            Map<String, ContainerEnv.Source> env = ContainerEnv.of(overlay, containers.get(0));
            for (ServiceConfig.Requirement required : service.requiredEnv()) {
                if (!required.satisfiedBy(env.keySet())) {
                    problems.add(K8s.id(deployment.get()) + " does not set " + required.names() + ", which "
                            + service.module() + " reads in " + required.property() + " and " + required.reason());
                    continue;
                }
                for (String name : required.anyOf()) {
                    ContainerEnv.Source source = env.get(name);
                    if (source != null && source.value().map(String::isBlank).orElse(false)) {
                        problems.add(K8s.id(deployment.get()) + " sets " + name + " to an empty value ("
                                + source.from() + ")");
                    }
                }
            }
        }
        for (JsonNode deployment : overlay.manifest().ofKind("Deployment")) {
            if (overlay.serviceOf(deployment).isEmpty()) {
                problems.add(K8s.id(deployment) + " matches no service module (quarkus.application.name)");
            }
        }
        return problems;
    }
}
