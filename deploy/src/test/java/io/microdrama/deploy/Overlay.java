package io.microdrama.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.microdrama.deploy.config.ServiceConfig;

import java.util.List;
import java.util.Optional;

/** Everything the checks look at for one overlay: the rendered objects and what they are checked against. */
public record Overlay(Manifest manifest, List<ServiceConfig> services, ExternalObjects external) {

    public static Overlay load(String overlay) {
        return of(Manifest.render(overlay));
    }

    public static Overlay of(Manifest manifest) {
        List<ServiceConfig> services = Platform.serviceModules().stream().map(ServiceConfig::load).toList();
        return new Overlay(manifest, services, ExternalObjects.load(Platform.externalObjectsFile()));
    }

    public String name() {
        return manifest.overlay();
    }

    public OperatorManaged operators() {
        return new OperatorManaged(manifest);
    }

    /** The Deployment of a service (named after quarkus.application.name). */
    public Optional<JsonNode> deploymentOf(ServiceConfig service) {
        return manifest.find("Deployment", service.applicationName()).map(JsonNode.class::cast);
    }

    /** The service whose Deployment this is. */
    public Optional<ServiceConfig> serviceOf(JsonNode deployment) {
        return services.stream().filter(s -> s.applicationName().equals(K8s.name(deployment))).findFirst();
    }

    public Overlay with(Manifest changed) {
        return new Overlay(changed, services, external);
    }

    public Overlay withServices(List<ServiceConfig> changed) {
        return new Overlay(manifest, changed, external);
    }
}
