package io.microdrama.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microdrama.deploy.checks.Check;
import io.microdrama.deploy.checks.EndpointCheck;
import io.microdrama.deploy.checks.EnvironmentCheck;
import io.microdrama.deploy.checks.KafkaCheck;
import io.microdrama.deploy.checks.MonitoringCheck;
import io.microdrama.deploy.checks.PromtoolCheck;
import io.microdrama.deploy.checks.PortCheck;
import io.microdrama.deploy.checks.RealmImportCheck;
import io.microdrama.deploy.checks.ReferenceCheck;
import io.microdrama.deploy.checks.SchemaCheck;
import io.microdrama.deploy.checks.SelectorCheck;
import io.microdrama.deploy.checks.WorkloadCheck;
import io.microdrama.deploy.config.ServiceConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.microdrama.deploy.Mutations.array;
import static io.microdrama.deploy.Mutations.configMap;
import static io.microdrama.deploy.Mutations.container;
import static io.microdrama.deploy.Mutations.env;
import static io.microdrama.deploy.Mutations.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each check fails on a manifest broken on purpose: the rendered overlay is copied, one thing is changed in memory,
 * and the check must name the problem. (The unchanged overlays pass: {@link OverlayValidationTest}.)
 */
@KubectlAvailable
class BrokenManifestTest {

    private static Overlay dev;
    private static Overlay prod;

    @BeforeAll
    static void render() {
        dev = Overlay.load("dev");
        prod = Overlay.load("prod");
    }

    /** Problems the check finds after the change; the pristine overlay must have none for this check. */
    private static List<String> problemsAfter(Overlay overlay, Check check, Consumer<Manifest> change) {
        assertThat(check.run(overlay)).as("%s before the change", check.name()).isEmpty();
        Manifest broken = overlay.manifest().copy();
        change.accept(broken);
        return check.run(overlay.with(broken));
    }

    private static void assertReports(List<String> problems, String... fragments) {
        assertThat(problems).as("problems reported").anySatisfy(p -> assertThat(p).contains(fragments));
    }

    @Nested
    class Schema {

        private final SchemaCheck check = new SchemaCheck();

        @Test
        void unknownFieldInAContainer() {
            assertReports(problemsAfter(dev, check, m -> container(m, "catalog-service").put("imagePullPolicyy", "Always")),
                    "Deployment/catalog-service", "imagePullPolicyy");
        }

        @Test
        void wrongTypeOfAServicePort() {
            assertReports(problemsAfter(dev, check, m -> object(m, "Service", "gateway", "/spec/ports/0").put("port", "eighty")),
                    "Service/gateway");
        }

        @Test
        void missingRequiredContainerName() {
            assertReports(problemsAfter(dev, check, m -> container(m, "billing-service").remove("name")),
                    "Deployment/billing-service", "name");
        }

        @Test
        void malformedResourceQuantity() {
            assertReports(problemsAfter(dev, check, m -> object(m, "Deployment", "gateway",
                    "/spec/template/spec/containers/0/resources/limits").put("memory", "plenty")),
                    "Deployment/gateway", "quantity");
        }

        @Test
        void strimziTopicWithTextForANumber() {
            assertReports(problemsAfter(dev, check, m -> object(m, "KafkaTopic", "catalog.drama.v1", "/spec")
                    .put("partitions", "six")), "KafkaTopic/catalog.drama.v1", "partitions");
        }

        @Test
        void strimziKafkaWithUnknownField() {
            assertReports(problemsAfter(dev, check, m -> object(m, "Kafka", "microdrama-kafka", "/spec/kafka")
                    .putArray("listenerz")), "Kafka/microdrama-kafka", "listenerz");
        }

        @Test
        void strimziUserWithUnknownAclOperation() {
            assertReports(problemsAfter(dev, check, m -> array(m, "KafkaUser", "billing-service",
                    "/spec/authorization/acls/0/operations").add("Publish")), "KafkaUser/billing-service", "Publish");
        }

        @Test
        void cloudNativePgClusterWithATypo() {
            assertReports(problemsAfter(dev, check, m -> object(m, "Cluster", "catalog-db", "/spec").put("instance", 2)),
                    "Cluster/catalog-db", "instance");
        }

        @Test
        void keycloakWithUnknownProxyHeaders() {
            assertReports(problemsAfter(dev, check, m -> object(m, "Keycloak", "keycloak", "/spec/proxy")
                    .put("headers", "x-forwarded-everything")), "Keycloak/keycloak", "headers");
        }

        @Test
        void scheduledBackupWithUnknownOwnerReference() {
            assertReports(problemsAfter(prod, check, m -> object(m, "ScheduledBackup", "catalog-db-daily", "/spec")
                    .put("backupOwnerReference", "owner")), "ScheduledBackup/catalog-db-daily", "owner");
        }

        @Test
        void cloudNativePgClusterWithUnknownAffinityField() {
            assertReports(problemsAfter(prod, check, m -> object(m, "Cluster", "billing-db", "/spec/affinity")
                    .put("podAntiAffinityTyp", "required")), "Cluster/billing-db", "podAntiAffinityTyp");
        }

        @Test
        void cloudNativePgClusterWithTextForInstances() {
            assertReports(problemsAfter(prod, check, m -> object(m, "Cluster", "billing-db", "/spec")
                    .put("instances", "three")), "Cluster/billing-db", "instances");
        }

        @Test
        void publishedCrdsAreTheSchemasOfTheirKinds() {
            assertThat(SchemaCheck.schemas().crdSources()).contains(
                    "postgresql.cnpg.io/v1/Cluster <- published-crds/postgresql.cnpg.io_clusters.yaml",
                    "postgresql.cnpg.io/v1/ScheduledBackup <- published-crds/postgresql.cnpg.io_scheduledbackups.yaml",
                    "monitoring.coreos.com/v1/ServiceMonitor <- published-crds/monitoring.coreos.com_servicemonitors.yaml",
                    "monitoring.coreos.com/v1/PrometheusRule <- published-crds/monitoring.coreos.com_prometheusrules.yaml");
        }

        @Test
        void serviceMonitorWithUnknownEndpointField() {
            assertReports(problemsAfter(prod, check, m -> object(m, "ServiceMonitor", "microdrama-services",
                    "/spec/endpoints/0").put("intervall", "30s")), "ServiceMonitor/microdrama-services", "intervall");
        }

        @Test
        void prometheusRuleWithMalformedDuration() {
            assertReports(problemsAfter(prod, check, m -> alertRule(m, "OutboxOldestPendingTooOld").put("for", "5 minutes")),
                    "PrometheusRule/microdrama-alerts", "5 minutes");
        }

        @Test
        void kindWithoutSchema() {
            assertReports(problemsAfter(dev, check, m -> m.objects().add(Yaml.JSON.createObjectNode()
                    .put("apiVersion", "example.com/v1").put("kind", "Widget"))), "no schema for example.com/v1 Widget");
        }

        @Test
        void kindUnderTheWrongApiGroup() {
            assertReports(problemsAfter(dev, check, m -> m.get("Deployment", "gateway").put("apiVersion", "batch/v1")),
                    "Deployment is not served by API group 'batch'");
        }

        @Test
        void badMetadataOnACustomResource() {
            assertReports(problemsAfter(dev, check, m -> object(m, "KafkaTopic", "billing.pricing.v1", "/metadata")
                    .put("lables", "x")), "KafkaTopic/billing.pricing.v1", "lables");
        }
    }

    @Nested
    class Selectors {

        private final SelectorCheck check = new SelectorCheck();

        @Test
        void serviceSelectorMatchingNoPod() {
            assertReports(problemsAfter(dev, check, m -> object(m, "Service", "catalog-service", "/spec/selector")
                    .put("app.kubernetes.io/name", "catalogue-service")), "Service/catalog-service", "matches no pod");
        }

        @Test
        void deploymentSelectorNotMatchingItsTemplate() {
            assertReports(problemsAfter(dev, check, m -> object(m, "Deployment", "gateway",
                    "/spec/template/metadata/labels").put("app.kubernetes.io/name", "edge")),
                    "Deployment/gateway", "does not select its pod labels");
        }

        @Test
        void networkPolicyEgressToADatabaseThatDoesNotExist() {
            assertReports(problemsAfter(dev, check, m -> object(m, "NetworkPolicy", "billing-service",
                    "/spec/egress/0/to/0/podSelector/matchLabels").put("cnpg.io/cluster", "billing-database")),
                    "NetworkPolicy/billing-service egress.to podSelector", "matches no pod");
        }

        @Test
        void networkPolicyForPodsThatDoNotExist() {
            assertReports(problemsAfter(dev, check, m -> object(m, "NetworkPolicy", "catalog-db",
                    "/spec/podSelector/matchLabels").put("cnpg.io/cluster", "catalog")),
                    "NetworkPolicy/catalog-db spec.podSelector", "matches no pod");
        }

        @Test
        void namespaceSelectorForAnUnlistedNamespace() {
            assertReports(problemsAfter(dev, check, m -> object(m, "NetworkPolicy", "gateway",
                    "/spec/ingress/0/from/0/namespaceSelector/matchLabels")
                    .put("kubernetes.io/metadata.name", "traefik")), "namespace traefik", "external-objects.yaml");
        }

        @Test
        void kafkaListenerPeerMatchingNoService() {
            assertReports(problemsAfter(dev, check, m -> object(m, "Kafka", "microdrama-kafka",
                    "/spec/kafka/listeners/0/networkPolicyPeers/0/podSelector/matchLabels")
                    .put("app.kubernetes.io/name", "catalog")), "networkPolicyPeers podSelector", "matches no pod");
        }

        @Test
        void disruptionBudgetSelectingNothing() {
            assertReports(problemsAfter(prod, check, m -> object(m, "PodDisruptionBudget", "gateway",
                    "/spec/selector/matchLabels").put("app.kubernetes.io/name", "gateways")),
                    "PodDisruptionBudget/gateway", "matches no pod");
        }

        @Test
        void autoscalerForAMissingDeployment() {
            assertReports(problemsAfter(prod, check, m -> object(m, "HorizontalPodAutoscaler", "billing-service",
                    "/spec/scaleTargetRef").put("name", "billing")), "scaleTargetRef Deployment/billing does not exist");
        }

        @Test
        void serviceMonitorSelectingNoService() {
            assertReports(problemsAfter(prod, check, m -> object(m, "ServiceMonitor", "microdrama-services",
                    "/spec/selector/matchLabels").put("app.kubernetes.io/part-of", "microdramas")),
                    "ServiceMonitor/microdrama-services", "matches no Service");
        }
    }

    @Nested
    class Kafka {

        private final KafkaCheck check = new KafkaCheck();

        @Test
        void deadLetterTopicWithoutKafkaTopic() {
            assertReports(problemsAfter(dev, check, m -> m.remove("KafkaTopic", "billing.pricing.v1.dlq.catalog")),
                    "catalog-service uses topic billing.pricing.v1.dlq.catalog but no KafkaTopic declares it");
        }

        @Test
        void consumerGroupWithoutReadAcl() {
            assertReports(problemsAfter(dev, check, m -> array(m, "KafkaUser", "localization-service",
                    "/spec/authorization/acls").remove(3)), "lacks Read on group:localization-service");
        }

        @Test
        void outboxRelayWithoutItsTransactionalIdAcl() {
            assertReports(problemsAfter(dev, check, m -> {
                var acls = array(m, "KafkaUser", "catalog-service", "/spec/authorization/acls");
                for (int i = acls.size() - 1; i >= 0; i--) {
                    if (acls.get(i).path("resource").path("type").asText().equals("transactionalId")) {
                        acls.remove(i);
                    }
                }
            }), "lacks Write on transactionalId:catalog-service-outbox-relay");
        }

        @Test
        void producerWithoutWriteAcl() {
            assertReports(problemsAfter(dev, check, m -> array(m, "KafkaUser", "billing-service",
                    "/spec/authorization/acls/0/operations").remove(0)), "lacks Write on topic:billing.pricing.v1");
        }

        @Test
        void aclOnATopicTheServiceDoesNotUse() {
            assertReports(problemsAfter(dev, check, m -> {
                ObjectNode acl = array(m, "KafkaUser", "billing-service", "/spec/authorization/acls").addObject();
                acl.putObject("resource").put("type", "topic").put("name", "localization.readiness.v1")
                        .put("patternType", "literal");
                acl.putArray("operations").add("Read");
            }), "grants [Read] on topic:localization.readiness.v1, which billing-service does not use");
        }

        @Test
        void moreOperationsThanNeeded() {
            assertReports(problemsAfter(dev, check, m -> array(m, "KafkaUser", "catalog-service",
                    "/spec/authorization/acls/1/operations").add("Write")),
                    "grants Write on topic:localization.readiness.v1, more than catalog-service needs");
        }

        @Test
        void prefixAclIsTooBroad() {
            assertReports(problemsAfter(dev, check, m -> object(m, "KafkaUser", "catalog-service",
                    "/spec/authorization/acls/0/resource").put("patternType", "prefix")), "is broader than");
        }

        @Test
        void moreReplicasThanBrokers() {
            assertReports(problemsAfter(dev, check, m -> object(m, "KafkaTopic", "catalog.drama.v1", "/spec")
                    .put("replicas", 3)), "KafkaTopic catalog.drama.v1: replicas 3 but the cluster has 1 brokers");
        }

        @Test
        void weakDurabilityInProd() {
            assertReports(problemsAfter(prod, check, m -> object(m, "KafkaTopic", "catalog.drama.v1", "/spec/config")
                    .put("min.insync.replicas", 1)), "acknowledges writes held by a single broker");
        }

        @Test
        void bootstrapOnAPortWithoutListener() {
            assertReports(problemsAfter(dev, check, m -> configMap(m, "kafka-client-config").with("data")
                    .put("KAFKA_BOOTSTRAP_SERVERS", "microdrama-kafka-kafka-bootstrap:9092")), "is no listener");
        }

        @Test
        void deploymentWithoutKafkaCredentials() {
            assertReports(problemsAfter(dev, check, m -> {
                ArrayNode envs = (ArrayNode) container(m, "billing-service").get("env");
                for (int i = 0; i < envs.size(); i++) {
                    if (envs.get(i).path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")) {
                        envs.remove(i);
                    }
                }
            }), "billing-service uses Kafka but its Deployment does not read KAFKA_SASL_JAAS_CONFIG");
        }

        @Test
        void newTopicInAServicesConfigurationIsMissingEverywhere() {
            Overlay changed = withExtraProperties(dev, "catalog-service", """
                    mp.messaging.outgoing.audit.connector=smallrye-kafka
                    mp.messaging.outgoing.audit.topic=catalog.audit.v1
                    """);
            List<String> problems = check.run(changed);
            assertReports(problems, "catalog-service uses topic catalog.audit.v1 but no KafkaTopic declares it");
            assertReports(problems, "lacks Write on topic:catalog.audit.v1");
        }
    }

    @Nested
    class Environment {

        private final EnvironmentCheck check = new EnvironmentCheck();

        @Test
        void databaseUrlNotSetFallsBackToLoopback() {
            assertReports(problemsAfter(dev, check, m -> configMap(m, "catalog-service-config").with("data")
                    .remove("DB_REACTIVE_URL")), "does not set DB_REACTIVE_URL", "loopback");
        }

        @Test
        void passwordNotSetFallsBackToTheDevelopmentValue() {
            assertReports(problemsAfter(dev, check, m -> {
                ArrayNode envs = (ArrayNode) container(m, "localization-service").get("env");
                envs.remove(1);
            }), "does not set DB_PASSWORD", "credential");
        }

        @Test
        void newSettingWithoutDefaultIsNotSet() {
            Overlay changed = withExtraProperties(dev, "billing-service",
                    "billing.fx.provider-url=${FX_PROVIDER_URL}\n");
            assertReports(check.run(changed), "Deployment/billing-service does not set FX_PROVIDER_URL", "has no default");
        }

        @Test
        void serviceWithoutDeployment() {
            assertReports(problemsAfter(dev, check, m -> m.remove("Deployment", "gateway")),
                    "service module gateway (gateway) has no Deployment");
        }
    }

    @Nested
    class References {

        private final ReferenceCheck check = new ReferenceCheck();

        @Test
        void secretThatNobodyCreates() {
            assertReports(problemsAfter(dev, check, m -> env(m, "catalog-service", "DB_PASSWORD")
                    .with("valueFrom").with("secretKeyRef").put("name", "catalog-db-credentials")),
                    "Secret/catalog-db-credentials", "not listed in deploy/k8s/external-objects.yaml");
        }

        @Test
        void keyTheOperatorSecretDoesNotHave() {
            assertReports(problemsAfter(dev, check, m -> env(m, "catalog-service", "DB_PASSWORD")
                    .with("valueFrom").with("secretKeyRef").put("key", "pass")), "key pass", "has only the keys");
        }

        @Test
        void operatorSecretWithoutItsCustomResource() {
            assertReports(problemsAfter(dev, check, m -> m.remove("KafkaUser", "localization-service")),
                    "Secret/localization-service key sasl.jaas.config");
        }

        @Test
        void configMapThatIsNotRendered() {
            assertReports(problemsAfter(dev, check, m -> ((ObjectNode) container(m, "gateway").get("envFrom").get(0))
                    .with("configMapRef").put("name", "gateway-settings")), "ConfigMap/gateway-settings");
        }

        @Test
        void backupStoreThatDoesNotExist() {
            assertReports(problemsAfter(prod, check, m -> object(m, "Cluster", "billing-db", "/spec/plugins/0/parameters")
                    .put("barmanObjectName", "billing-backups")), "ObjectStore/billing-backups");
        }

        @Test
        void placeholderSecretNotListed() {
            assertReports(problemsAfter(prod, check, m -> object(m, "KeycloakRealmImport", "microdrama-realm",
                    "/spec/placeholders/STUDIO_LOTUS_CLIENT_SECRET/secret").put("name", "studio-secrets")),
                    "Secret/studio-secrets");
        }

        @Test
        void externalEntryThatNothingUses(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
            Path list = dir.resolve("external-objects.yaml");
            Files.writeString(list, Files.readString(Platform.externalObjectsFile()) + """
                      - kind: Secret
                        name: forgotten-secret
                        overlays: [dev]
                        createdBy: nobody any more
                    """);
            Overlay changed = new Overlay(dev.manifest(), dev.services(), ExternalObjects.load(list));
            assertReports(check.run(changed), "lists Secret/forgotten-secret for dev but nothing refers to it");
        }
    }

    @Nested
    class Ports {

        private final PortCheck check = new PortCheck();

        @Test
        void serviceTargetPortTheContainerLacks() {
            assertReports(problemsAfter(dev, check, m -> object(m, "Service", "billing-service", "/spec/ports/0")
                    .put("targetPort", "https")), "Service/billing-service port http targets https");
        }

        @Test
        void containerPortDifferentFromTheApplicationPort() {
            assertReports(problemsAfter(dev, check, m -> object(m, "Deployment", "catalog-service",
                    "/spec/template/spec/containers/0/ports/0").put("containerPort", 9090)),
                    "catalog-service listens on 8081 (quarkus.http.port) but the container declares [9090]");
        }

        @Test
        void probeOnAPortTheContainerDoesNotDeclare() {
            assertReports(problemsAfter(dev, check, m -> object(m, "Deployment", "localization-service",
                    "/spec/template/spec/containers/0/livenessProbe/httpGet").put("port", 8080)),
                    "livenessProbe port 8080 is not a container port");
        }

        @Test
        void probeOnTheWrongHealthPath() {
            assertReports(problemsAfter(dev, check, m -> object(m, "Deployment", "gateway",
                    "/spec/template/spec/containers/0/readinessProbe/httpGet").put("path", "/q/health/live")),
                    "readinessProbe path /q/health/live is not /q/health/ready");
        }

        @Test
        void portSetThroughTheEnvironmentMustMatchTheContainer() {
            assertReports(problemsAfter(dev, check, m -> ((ArrayNode) container(m, "billing-service").get("env"))
                    .addObject().put("name", "PORT").put("value", "8093")),
                    "billing-service listens on 8093 (quarkus.http.port)");
        }

        @Test
        void networkPolicyOpeningAPortNobodyListensOn() {
            assertReports(problemsAfter(dev, check, m -> object(m, "NetworkPolicy", "catalog-service",
                    "/spec/ingress/0/ports/0").put("port", 8082)),
                    "admits port 8082 to Deployment/catalog-service, which does not declare it");
        }

        @Test
        void egressToTheDatabaseOnTheWrongPort() {
            assertReports(problemsAfter(dev, check, m -> object(m, "NetworkPolicy", "catalog-service",
                    "/spec/egress/0/ports/0").put("port", 5433)), "lets traffic out to port 5433");
        }

        @Test
        void ingressBackendOnAMissingServicePort() {
            assertReports(problemsAfter(dev, check, m -> object(m, "Ingress", "gateway",
                    "/spec/rules/0/http/paths/0/backend/service/port").put("name", "web")),
                    "Ingress/gateway backend uses port", "of Service gateway, which has no such port");
        }

        @Test
        void scrapeAnnotationOnTheWrongPort() {
            assertReports(problemsAfter(dev, check, m -> object(m, "Deployment", "billing-service",
                    "/spec/template/metadata/annotations").put("prometheus.io/port", "9090")),
                    "prometheus.io/port 9090 but metrics are served on 8083");
        }

        @Test
        void dockerfileExposingAnotherPortThanTheService() {
            Overlay changed = withExtraProperties(dev, "gateway", "quarkus.http.port=${PORT:8090}\n");
            assertReports(check.run(changed), "deploy/docker/gateway/Dockerfile.jvm EXPOSEs [8080] but gateway listens on 8090");
        }
    }

    @Nested
    class Endpoints {

        private final EndpointCheck check = new EndpointCheck();

        @Test
        void upstreamUrlOnTheWrongPort() {
            assertReports(problemsAfter(dev, check, m -> configMap(m, "gateway-config").with("data")
                    .put("CATALOG_URL", "http://catalog-service:8082")),
                    "uses port 8082 but Service catalog-service has [8081]");
        }

        @Test
        void databaseUrlNamingAnotherDatabase() {
            assertReports(problemsAfter(dev, check, m -> configMap(m, "billing-service-config").with("data")
                    .put("DB_JDBC_URL", "jdbc:postgresql://billing-db-rw:5432/catalog")),
                    "opens database 'catalog' but Cluster billing-db creates 'billing'");
        }

        @Test
        void databaseCredentialsOfAnotherCluster() {
            assertReports(problemsAfter(dev, check, m -> env(m, "billing-service", "DB_PASSWORD")
                    .with("valueFrom").with("secretKeyRef").put("name", "catalog-db-app")),
                    "is Cluster billing-db but DB_PASSWORD comes from catalog-db-app");
        }

        @Test
        void serviceThatNobodyCreates() {
            assertReports(problemsAfter(dev, check, m -> configMap(m, "localization-service-config").with("data")
                    .put("DB_REACTIVE_URL", "postgresql://localization-postgres:5432/localization")),
                    "names Service localization-postgres");
        }

        @Test
        void realmThatIsNotImported() {
            assertReports(problemsAfter(dev, check, m -> configMap(m, "oidc-config").with("data")
                    .put("OIDC_SERVER_URL", "http://keycloak-service:8080/realms/master2")), "uses realm 'master2'");
        }

        @Test
        void loopbackAddress() {
            assertReports(problemsAfter(dev, check, m -> configMap(m, "gateway-config").with("data")
                    .put("BILLING_URL", "http://127.0.0.1:8083")), "points at the loopback interface");
        }

        @Test
        void collectorInAnUnlistedNamespace() {
            assertReports(problemsAfter(dev, check, m -> configMap(m, "telemetry-config").with("data")
                    .put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.tracing.svc:4317")),
                    "names Service tracing/otel-collector");
        }
    }

    @Nested
    class Workloads {

        private final WorkloadCheck check = new WorkloadCheck();

        @Test
        void missingReadinessProbe() {
            assertReports(problemsAfter(dev, check, m -> container(m, "catalog-service").remove("readinessProbe")),
                    "no HTTP readinessProbe");
        }

        @Test
        void gracePeriodShorterThanTheShutdownTimeout() {
            assertReports(problemsAfter(dev, check, m -> object(m, "Deployment", "catalog-service", "/spec/template/spec")
                    .put("terminationGracePeriodSeconds", 20)),
                    "terminationGracePeriodSeconds 20 must exceed preStop 5 s + quarkus.shutdown.timeout 20 s");
        }

        @Test
        void writableRootFilesystem() {
            assertReports(problemsAfter(dev, check, m -> container(m, "gateway").with("securityContext")
                    .put("readOnlyRootFilesystem", false)), "readOnlyRootFilesystem must be true");
        }

        @Test
        void missingMemoryLimit() {
            assertReports(problemsAfter(dev, check, m -> container(m, "billing-service").with("resources")
                    .with("limits").remove("memory")), "no memory limits");
        }

        @Test
        void snapshotImageInProd() {
            assertReports(problemsAfter(prod, check, m -> container(m, "gateway")
                    .put("image", "registry.example.com/microdrama/gateway:0.1.0-SNAPSHOT")), "prod runs a snapshot image");
        }
    }

    @Nested
    class RealmImport {

        private final RealmImportCheck check = new RealmImportCheck();

        @Test
        void realmThatDriftedFromTheRealmFile() {
            assertReports(problemsAfter(dev, check, m -> object(m, "KeycloakRealmImport", "microdrama-realm",
                    "/spec/realm").put("accessTokenLifespan", 3600)), "spec.realm differs from");
        }

        @Test
        void demoUsersInProd() {
            assertReports(problemsAfter(prod, check, m -> object(m, "KeycloakRealmImport", "microdrama-realm",
                    "/spec/realm").set("users", dev.manifest().get("KeycloakRealmImport", "microdrama-realm")
                    .at("/spec/realm/users").deepCopy())), "prod imports the demo users");
        }

        @Test
        void developmentClientSecretInProd() {
            assertReports(problemsAfter(prod, check, m -> object(m, "KeycloakRealmImport", "microdrama-realm",
                    "/spec/realm/clients/0").put("secret", "aurora-dev-secret")),
                    "prod imports the development secret of client studio-aurora");
        }

        @Test
        void developmentRedirectInProd() {
            assertReports(problemsAfter(prod, check, m -> object(m, "KeycloakRealmImport", "microdrama-realm",
                    "/spec/realm/clients/3").withArray("redirectUris").add("http://localhost:3000/*")),
                    "prod lets client microdrama-console redirect to http://localhost:3000/* (a development address)");
        }

        @Test
        void passwordGrantForTheConsoleInProd() {
            assertReports(problemsAfter(prod, check, m -> prodRealm(m, "/clients/3").put("directAccessGrantsEnabled", true)),
                    "lets client microdrama-console use the password grant");
        }

        @Test
        void grantFlagLeftToKeycloaksDefaultInProd() {
            assertReports(problemsAfter(prod, check, m -> prodRealm(m, "/clients/0").remove("directAccessGrantsEnabled")),
                    "lets client studio-aurora use the password grant");
        }

        @Test
        void implicitFlowInProd() {
            assertReports(problemsAfter(prod, check, m -> prodRealm(m, "/clients/3").put("implicitFlowEnabled", true)),
                    "lets client microdrama-console use the implicit flow");
        }

        @Test
        void deviceGrantInProd() {
            assertReports(problemsAfter(prod, check, m -> prodRealm(m, "/clients/3/attributes")
                    .put("oauth2.device.authorization.grant.enabled", "true")), "lets client microdrama-console use the device grant");
        }

        @Test
        void publicClientWithoutPkceInProd() {
            assertReports(problemsAfter(prod, check, m -> prodRealm(m, "/clients/3/attributes")
                    .remove("pkce.code.challenge.method")), "public client microdrama-console", "PKCE");
        }

        @Test
        void noBruteForceDetectionInProd() {
            assertReports(problemsAfter(prod, check, m -> prodRealm(m, "").put("bruteForceProtected", false)),
                    "no brute-force detection");
        }

        @Test
        void tooManyFailedLoginsBeforeLockoutInProd() {
            assertReports(problemsAfter(prod, check, m -> prodRealm(m, "").put("failureFactor", 30)),
                    "allows 30 failed logins");
        }

        @Test
        void noPasswordPolicyInProd() {
            assertReports(problemsAfter(prod, check, m -> prodRealm(m, "").remove("passwordPolicy")),
                    "no password policy");
        }

        @Test
        void shortPasswordsInProd() {
            assertReports(problemsAfter(prod, check, m -> prodRealm(m, "").put("passwordPolicy", "length(8) and notUsername")),
                    "no password policy requiring at least 12 characters");
        }

        @Test
        void reusableRefreshTokensInProd() {
            assertReports(problemsAfter(prod, check, m -> prodRealm(m, "").put("revokeRefreshToken", false)),
                    "does not rotate refresh tokens");
        }

        @Test
        void refreshTokenReusedTwiceInProd() {
            assertReports(problemsAfter(prod, check, m -> prodRealm(m, "").put("refreshTokenMaxReuse", 2)),
                    "does not rotate refresh tokens");
        }

        @Test
        void dayLongAccessTokensInProd() {
            assertReports(problemsAfter(prod, check, m -> prodRealm(m, "").put("accessTokenLifespan", 86400)),
                    "sets accessTokenLifespan to 86400");
        }

        @Test
        void sessionLifetimeLeftToTheDefaultInProd() {
            assertReports(problemsAfter(prod, check, m -> prodRealm(m, "").remove("ssoSessionIdleTimeout")),
                    "sets ssoSessionIdleTimeout to");
        }

        @Test
        void prodOnlySettingInDevIsDrift() {
            assertReports(problemsAfter(dev, check, m -> object(m, "KeycloakRealmImport", "microdrama-realm",
                    "/spec/realm").put("bruteForceProtected", true)), "spec.realm differs from");
        }

        @Test
        void prodDriftOutsideItsSettings() {
            assertReports(problemsAfter(prod, check, m -> prodRealm(m, "").put("registrationAllowed", true)),
                    "spec.realm differs from");
        }

        @Test
        void placeholderWithoutDeclaration() {
            assertReports(problemsAfter(prod, check, m -> object(m, "KeycloakRealmImport", "microdrama-realm",
                    "/spec/placeholders").remove("STUDIO_SAKURA_CLIENT_SECRET")),
                    "uses ${STUDIO_SAKURA_CLIENT_SECRET} but spec.placeholders does not declare it");
        }
    }

    @Nested
    class Monitoring {

        private final MonitoringCheck check = new MonitoringCheck();
        private final PromtoolCheck promtool = new PromtoolCheck();

        @Test
        void alertOnAMetricNoServiceExposes() {
            assertReports(problemsAfter(prod, check, m -> alertRule(m, "OutboxOldestPendingTooOld")
                    .put("expr", "max by (job) (outbox_oldest_age_seconds) > 300")),
                    "microdrama.event-path/OutboxOldestPendingTooOld", "uses metric outbox_oldest_age_seconds");
        }

        @Test
        void panelOnAMetricNoServiceExposes() {
            assertReports(problemsAfter(prod, check, m -> replaceInDashboard(m, "grafana-dashboard-gateway",
                    "gateway_upstream_failures_total", "gateway_upstream_errors_total")),
                    "ConfigMap/grafana-dashboard-gateway", "uses metric gateway_upstream_errors_total");
        }

        @Test
        void dashboardThatIsNotJson() {
            assertReports(problemsAfter(prod, check, m -> replaceInDashboard(m, "grafana-dashboard-storefront",
                    "\"panels\"", "panels")), "grafana-dashboard-storefront", "is not valid JSON");
        }

        @Test
        void alertWithoutSeverity() {
            assertReports(problemsAfter(prod, check, m -> ((ObjectNode) alertRule(m, "ConsumerLagHigh").path("labels"))
                    .remove("severity")), "alert ConsumerLagHigh has no severity label");
        }

        @Test
        void prodWithoutAnAlertItIsOperatedWith() {
            assertReports(problemsAfter(prod, check, m -> removeAlertRule(m, "GatewayCircuitBreakerOpen")),
                    "prod has no alert GatewayCircuitBreakerOpen");
        }

        @Test
        void prodWithoutADashboard() {
            assertReports(problemsAfter(prod, check, m -> m.remove("ConfigMap", "grafana-dashboard-storefront")),
                    "prod has no Grafana dashboard microdrama-storefront");
        }

        @Test
        void ruleThatPromtoolCannotParse() {
            assertReports(problemsAfter(prod, promtool, m -> alertRule(m, "ConsumerLagHigh")
                    .put("expr", "max by (job) (kafka_consumer_fetch_manager_records_lag_max > 1000")),
                    "promtool check rules failed", "ConsumerLagHigh");
        }

        @Test
        void annotationTemplateThatPromtoolCannotParse() {
            assertReports(problemsAfter(prod, promtool, m -> ((ObjectNode) alertRule(m, "ConsumerLagHigh")
                    .path("annotations")).put("summary", "{{ $labels.job } behind")), "promtool check rules failed");
        }

        @Test
        void alertThatNoLongerFiresOnItsFailure() {
            assertReports(problemsAfter(prod, promtool, m -> alertRule(m, "ConsumerLagHigh")
                    .put("expr", "max by (job, client_id) (kafka_consumer_fetch_manager_records_lag_max) > 100000")),
                    "promtool test rules failed", "ConsumerLagHigh");
        }

        @Test
        void alertThatLosesTheLabelItIsRoutedBy() {
            assertReports(problemsAfter(prod, promtool, m -> alertRule(m, "OutboxOldestPendingTooOld")
                    .put("expr", "max(outbox_oldest_pending_age_seconds) > 300")),
                    "promtool test rules failed", "OutboxOldestPendingTooOld");
        }

        @Test
        void panelExpressionThatPromtoolCannotParse() {
            assertReports(problemsAfter(prod, promtool, m -> replaceInDashboard(m, "grafana-dashboard-event-path",
                    "sum by (job) (outbox_events_pending)", "sum by (job) (outbox_events_pending")),
                    "promtool check rules failed", "dashboard-expressions");
        }
    }

    private static ObjectNode alertRule(Manifest manifest, String alert) {
        for (var group : manifest.get("PrometheusRule", "microdrama-alerts").path("spec").path("groups")) {
            for (var rule : group.path("rules")) {
                if (alert.equals(rule.path("alert").asText())) {
                    return (ObjectNode) rule;
                }
            }
        }
        throw new IllegalArgumentException("no alert " + alert);
    }

    private static void removeAlertRule(Manifest manifest, String alert) {
        for (var group : manifest.get("PrometheusRule", "microdrama-alerts").path("spec").path("groups")) {
            ArrayNode rules = (ArrayNode) group.path("rules");
            for (int i = 0; i < rules.size(); i++) {
                if (alert.equals(rules.get(i).path("alert").asText())) {
                    rules.remove(i);
                    return;
                }
            }
        }
        throw new IllegalArgumentException("no alert " + alert);
    }

    private static void replaceInDashboard(Manifest manifest, String configMap, String text, String replacement) {
        ObjectNode data = object(manifest, "ConfigMap", configMap, "/data");
        String file = data.fieldNames().next();
        String json = data.path(file).asText();
        if (!json.contains(text)) {
            throw new IllegalArgumentException(configMap + " has no " + text);
        }
        data.put(file, json.replace(text, replacement));
    }

    /** A part of the realm the prod overlay imports ("" for the realm itself). */
    private static ObjectNode prodRealm(Manifest manifest, String pointer) {
        return object(manifest, "KeycloakRealmImport", "microdrama-realm", "/spec/realm" + pointer);
    }

    /** The overlay as seen by a service whose application.properties gained these lines. */
    private static Overlay withExtraProperties(Overlay overlay, String module, String extra) {
        List<ServiceConfig> services = new ArrayList<>();
        for (ServiceConfig s : overlay.services()) {
            if (!s.module().equals(module)) {
                services.add(s);
                continue;
            }
            services.add(ServiceConfig.load(Platform.root().resolve(module), extra));
        }
        return overlay.withServices(services);
    }
}
