package io.nianbao.service;

import io.nianbao.events.serde.ConfluentAvroDeserializer;
import io.nianbao.events.serde.SchemaRegistryClient;
import io.nianbao.events.serde.SchemaRegistryException;
import io.nianbao.localstack.FreePorts;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OutagesTest {

    @Test
    void aRefusedConnectionUnderAServicesOwnWrappersIsAnOutage() throws IOException {
        ConnectException refused = refusedConnection();

        assertThat(Outages.isOutage(new IllegalStateException("cannot mail notification n-1 to inspector@nianbao.test",
                new IOException("Couldn't connect to host", refused)))).isTrue();
    }

    /** The path of a record whose schema cannot be fetched: deserializer, error-handling wrapper, header, {@link Poll}. */
    @Test
    void aRecordUndecodableWhileTheRegistryIsUnreachableIsAnOutage() throws IOException {
        String unreachable = "http://127.0.0.1:" + FreePorts.loopback() + "/apis/ccompat/v7";
        byte[] confluentWireFormat = ByteBuffer.allocate(9).put((byte) 0).putInt(4242).array();
        RecordHeaders headers = new RecordHeaders();
        try (ErrorHandlingDeserializer<SpecificRecord> deserializer = new ErrorHandlingDeserializer<>(
                new ConfluentAvroDeserializer(new SchemaRegistryClient(unreachable)))) {
            assertThat(deserializer.deserialize("report.validated", headers, confluentWireFormat)).isNull();
        }
        ConsumerRecord<String, Object> record = new ConsumerRecord<>("report.validated", 0, 7, 0, TimestampType.CREATE_TIME,
                0, confluentWireFormat.length, "agency", null, headers, Optional.empty());

        DeserializationException undecodable = Poll.undecodable(record);

        assertThat(undecodable).isNotNull();
        assertThat(Outages.isOutage(undecodable)).isTrue();
    }

    @Test
    void aRegistryThatRefusesTheRequestIsNoOutageOneThatFailsIs() {
        assertThat(Outages.isOutage(new SchemaRegistryException(409, "incompatible schema"))).isFalse();
        assertThat(Outages.isOutage(new SchemaRegistryException(404, "schema 4242 not found"))).isFalse();
        assertThat(Outages.isOutage(new SchemaRegistryException(503, "storage unavailable"))).isTrue();
    }

    @Test
    void aDatabaseConnectionFailureIsAnOutageAConstraintViolationIsNot() {
        assertThat(Outages.isOutage(new IllegalStateException(new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(Outages.isOutage(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(Outages.isOutage(new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse();
    }

    @Test
    void aRecordsOwnFaultIsNoOutage() {
        assertThat(Outages.isOutage(new IllegalArgumentException("not a ReportValidated: {}"))).isFalse();
        assertThat(Outages.isOutage(new IllegalStateException("report.parsed did not accept report r-1",
                new NullPointerException()))).isFalse();
    }

    @Test
    void aCauseThatLoopsBackEndsTheSearch() {
        IllegalStateException outer = new IllegalStateException("outer");
        IllegalArgumentException inner = new IllegalArgumentException("inner", outer);
        outer.initCause(inner);

        assertThat(Outages.isOutage(outer)).isFalse();
    }

    private static ConnectException refusedConnection() throws IOException {
        int port = FreePorts.loopback();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            throw new AssertionError("port " + port + " accepted a connection");
        } catch (ConnectException refused) {
            return refused;
        }
    }
}
