package io.microdrama.deploy;

import io.microdrama.deploy.monitoring.ServiceMetrics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The list of service metrics (service-metrics.txt) stays true to the code, and the PromQL reading is right. */
class ServiceMetricsTest {

    @Test
    void everyMeterOfOurOwnCodeIsRegisteredWhereTheListSays() throws IOException {
        for (ServiceMetrics.Metric metric : ServiceMetrics.load().all()) {
            if (!metric.fromOurCode()) {
                continue;
            }
            Path file = Platform.root().resolve(metric.codePath());
            assertThat(file).as("source of %s", metric.prometheusName()).isRegularFile();
            assertThat(Files.readString(file)).as("%s registers meter %s", metric.codePath(), metric.meterName())
                    .contains("\"" + metric.meterName() + "\"");
        }
    }

    @Test
    void everyPrometheusNameFollowsFromItsMeterNameAndType() {
        for (ServiceMetrics.Metric metric : ServiceMetrics.load().all()) {
            assertThat(metric.derivedNames()).as("Prometheus names of %s %s", metric.type(), metric.meterName())
                    .contains(metric.prometheusName());
        }
    }

    @Test
    void metricNamesOfAnExpressionLeaveOutFunctionsLabelsKeywordsAndDurations() {
        assertThat(ServiceMetrics.metricNames("""
                sum by (job, topic) (increase(kafka_producer_topic_record_send_total{topic=~".+\\\\.dlq\\\\..+"}[15m])) > 0
                and on (job) rate(outbox_events_failed_total[5m] offset 1h) > 1e3
                or max without (pod) (outbox_oldest_pending_age_seconds) > bool 0.5"""))
                .containsExactlyInAnyOrder("kafka_producer_topic_record_send_total", "outbox_events_failed_total",
                        "outbox_oldest_pending_age_seconds");
    }

    @Test
    void aMeterNotInTheListIsNotExposed() {
        assertThat(ServiceMetrics.load().contains("outbox_events_pending")).isTrue();
        assertThat(ServiceMetrics.load().contains("outbox_pending_events")).isFalse();
    }
}
