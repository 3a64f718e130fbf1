package io.nianbao.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.events.TopicClient;
import io.nianbao.events.Topics;
import io.nianbao.ingest.intake.SeenReports;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static io.nianbao.ingest.IngestInstance.KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seen report ids are shared by instances and survive restarts: a duplicate goes downstream
 * once. How many ids and statuses an instance keeps is a metric.
 */
@ExtendWith(LocalStackExtension.class)
class SeenReportsTest {

    @Test
    void aSecondInstanceAndARestartedOneKnowTheReport(LocalStack stack) throws Exception {
        String agency = IngestInstance.newAgency();
        Map<String, Object> report = Map.of("agencyId", agency, "text", "2024年政府信息公开工作年度报告\n" + agency);
        String id;
        try (IngestInstance first = IngestInstance.start(stack, Map.of());
             IngestInstance second = IngestInstance.start(stack, Map.of())) {
            id = first.postJson(KEY, report).reportId();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!second.bean(SeenReports.class).contains(id) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            IngestInstance.Reply again = second.postJson(KEY, report);
            assertThat(again.duplicate()).as("the other instance learnt the id").isTrue();
            assertThat(again.reportId()).isEqualTo(id);
        }
        try (IngestInstance restarted = IngestInstance.start(stack, Map.of())) {
            IngestInstance.Reply afterRestart = restarted.postJson(KEY, report);
            assertThat(afterRestart.status()).isEqualTo(202);
            assertThat(afterRestart.duplicate()).as("loaded from the ledger at startup").isTrue();
        }
        try (TopicClient topics = new TopicClient(stack.bootstrapServers(), stack.schemaRegistryUrl())) {
            assertThat(topics.values(Topics.INGESTED, r -> r.getAgencyId().equals(agency))).hasSize(1);
        }
    }

    @Test
    void gaugesCountTheIdsAndStatusesKept(LocalStack stack) throws Exception {
        try (IngestInstance ingest = IngestInstance.start(stack, Map.of())) {
            MeterRegistry meters = ingest.bean(MeterRegistry.class);
            double seenBefore = meters.get("nianbao.ingest.seen.reports").gauge().value();
            double statusesBefore = meters.get("nianbao.ingest.statuses").gauge().value();
            assertThat(seenBefore).isEqualTo(ingest.bean(SeenReports.class).size());

            String agency = IngestInstance.newAgency();
            ingest.postJson(KEY, Map.of("agencyId", agency, "text", "2024年政府信息公开工作年度报告\n" + agency));

            assertThat(meters.get("nianbao.ingest.seen.reports").gauge().value()).isEqualTo(seenBefore + 1);
            assertThat(meters.get("nianbao.ingest.statuses").gauge().value()).isEqualTo(statusesBefore + 1);
            assertThat(ingest.getText("/actuator/prometheus"))
                    .contains("nianbao_ingest_seen_reports ", "nianbao_ingest_statuses ");
        }
    }
}
