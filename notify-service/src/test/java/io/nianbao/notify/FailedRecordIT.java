package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.NotificationSent;
import io.nianbao.events.Responsibility;
import io.nianbao.localstack.LocalStack;
import io.nianbao.localstack.LocalStackExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.nianbao.events.Severity.ERROR;
import static io.nianbao.events.Severity.WARNING;
import static io.nianbao.notify.NotifyHarness.finding;
import static io.nianbao.notify.NotifyHarness.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * notify-service takes report.validated a poll at a time; a record of the poll that fails must
 * not take the others with it, nor have them sent twice.
 */
@ExtendWith(LocalStackExtension.class)
class FailedRecordIT {

    private static final String INSPECTOR = "inspector@nianbao.test";
    /** Jakarta Mail refuses it before connecting: every mail to the operators fails. */
    private static final String MALFORMED_OPERATOR = "ops@nianbao..test";
    private static final String AGENCY = "gulou-dept";
    private static final String BINDING = "spring.cloud.stream.bindings.notifyInspectors-in-0.consumer.";

    @Test
    void aReportThatCannotBeSentIsRetriedThenDeadLetteredAloneAndTheRestOfItsPollIsNotifiedOnce(LocalStack stack) throws Exception {
        try (NotifyHarness notify = new NotifyHarness("failed-record", stack, List.of(), Map.of(
                "nianbao.notify.inspectors", INSPECTOR,
                "nianbao.notify.operators", MALFORMED_OPERATOR,
                BINDING + "max-attempts", "3",
                BINDING + "back-off-initial-interval", "100"))) {
            // One agency: one partition, in this order. Published before the service starts, so
            // that its first poll holds them all.
            notify.publish(report("r-before", AGENCY, "320106", AgencyLevel.DEPARTMENT,
                    finding("T3-BALANCE", ERROR, "收支不平衡")));
            byte[] garbage = "不是一份报告".getBytes(StandardCharsets.UTF_8);
            notify.publishBytes(AGENCY, garbage);
            // Its inspector's mail goes out before the operators' fails: the retries must not send it again.
            notify.publish(report("r-unsendable", AGENCY, "320106", AgencyLevel.DEPARTMENT,
                    finding("T4-SUM", ERROR, "复议合计不符"),
                    finding("PARSE-UNCERTAIN", WARNING, Responsibility.SYSTEM, "数字无法确定读取")));
            notify.publish(report("r-after", AGENCY, "320106", AgencyLevel.DEPARTMENT,
                    finding("TXT-THIN", WARNING, "第五部分内容过少")));
            notify.start();
            notify.awaitCaughtUp();

            assertThat(notify.mailsTo(INSPECTOR)).extracting(mail -> mail.text().lines()
                            .filter(line -> line.startsWith("报告编号：")).findFirst().orElseThrow())
                    .containsExactly("报告编号：r-before", "报告编号：r-unsendable", "报告编号：r-after");
            assertThat(notify.mailsTo(MALFORMED_OPERATOR)).isEmpty();
            assertThat(notify.sentAbout("r-unsendable")).extracting(NotificationSent::getRecipient).containsExactly(INSPECTOR);

            List<ConsumerRecord<String, byte[]>> deadLetters = notify.deadLetters();
            assertThat(deadLetters).as("the record that is not a report, then the report that cannot be sent").hasSize(2);
            assertThat(deadLetters.get(0).value()).isEqualTo(garbage);
            assertThat(originalOffset(deadLetters.get(0))).isEqualTo(1);
            assertThat(originalOffset(deadLetters.get(1))).isEqualTo(2);
            assertThat(new String(deadLetters.get(1).headers().lastHeader("kafka_dlt-exception-message").value(),
                    StandardCharsets.UTF_8)).contains(MALFORMED_OPERATOR);
        }
    }

    private static long originalOffset(ConsumerRecord<String, byte[]> deadLetter) {
        Header offset = deadLetter.headers().lastHeader("kafka_dlt-original-offset");
        assertThat(offset).as("original offset header").isNotNull();
        return ByteBuffer.wrap(offset.value()).getLong();
    }
}
