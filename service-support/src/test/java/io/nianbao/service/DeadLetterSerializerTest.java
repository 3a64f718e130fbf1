package io.nianbao.service;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterSerializerTest {

    private final DeadLetterSerializer serializer = new DeadLetterSerializer();

    @Test
    void rawBytesPassUnchanged() {
        byte[] bytes = {0, 1, 2, 3};

        assertThat(serializer.serialize("t.dlq", new RecordHeaders(), bytes)).isEqualTo(bytes);
    }

    @Test
    void oversizedReasonHeadersAreCutSoTheDeadLetterFitsARecord() {
        Headers headers = new RecordHeaders();
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "失败".repeat(20_000).getBytes(StandardCharsets.UTF_8));
        headers.add("x-original-topic", "report.ingested".getBytes(StandardCharsets.UTF_8));

        serializer.serialize("t.dlq", headers, new byte[]{1});

        assertThat(headers.lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value()).hasSize(DeadLetterSerializer.MAX_REASON_BYTES);
        assertThat(new String(headers.lastHeader("x-original-topic").value(), StandardCharsets.UTF_8)).isEqualTo("report.ingested");
    }
}
