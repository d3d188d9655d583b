package io.microdrama.deploy.checks;

import io.microdrama.deploy.Overlay;

import java.util.List;

/** One rule the rendered manifests must satisfy. Returns the problems found; empty means the rule holds. */
public interface Check {

    String name();

    List<String> run(Overlay overlay);

    /** Every check the build runs on every overlay. */
    static List<Check> all() {
        return List.of(new SchemaCheck(), new SelectorCheck(), new KafkaCheck(), new EnvironmentCheck(),
                new ReferenceCheck(), new PortCheck(), new EndpointCheck(), new WorkloadCheck(), new RealmImportCheck(),
                new MonitoringCheck(), new PromtoolCheck());
    }
}
