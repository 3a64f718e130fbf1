package io.nianbao.service;

import io.nianbao.core.ReportReader;
import io.nianbao.core.extract.HostileDocuments;
import io.nianbao.core.extract.HostileDocuments.Hostile;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.events.AgencyLevel;
import io.nianbao.events.ReportIngested;
import io.nianbao.events.ReportParsed;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the reader lets through fits the events it travels in. */
class ReportEventsTest {

    /** Kafka's default largest record (max.request.size, message.max.bytes), less room for the key, headers and framing. */
    private static final int RECORD_ROOM = 1_000_000;

    /**
     * A report with as much prose as the reader takes makes a report.parsed record within Kafka's
     * default limit: one of 880,000 characters had made 2.7 MB, which the broker refused, and
     * parse-service retried its poll for ever.
     */
    @Test
    void theLargestReportsMakeReportParsedRecordsKafkaTakes() throws Exception {
        NianbaoServices.allowAvroEventClasses();
        ReportReader reader = new ReportReader();
        for (Hostile document : HostileDocuments.atTheLimits()) {
            ReportParsed event = ReportEvents.toEvent(ingested(document), reader.read(document.bytes(), ReportMetadata.UNKNOWN));
            assertThat(avroBytes(event)).as(document.name()).isLessThan(RECORD_ROOM);
        }
    }

    /** The original's URL is copied from report.ingested to report.parsed, for the inbox's link to it. */
    @Test
    void theDocumentUrlTravelsFromIngestedToParsed() {
        ParsedReport nothingRead = new ParsedReport(ReportMetadata.UNKNOWN, null, List.of(), null, null, null, List.of());
        ReportIngested fetched = ReportIngested.newBuilder().setReportId("r").setAgencyId("agency").setMediaType("application/pdf")
                .setSha256("0".repeat(64)).setSizeBytes(1).setIngestedAt(Instant.EPOCH)
                .setDocumentUrl("https://www.example.gov.cn/ndbg/2024.pdf").build();
        ReportIngested uploaded = ReportIngested.newBuilder(fetched).setDocumentUrl(null).build();

        assertThat(ReportEvents.toEvent(fetched, nothingRead).getDocumentUrl()).isEqualTo("https://www.example.gov.cn/ndbg/2024.pdf");
        assertThat(ReportEvents.toEvent(uploaded, nothingRead).getDocumentUrl()).as("an upload's").isNull();
    }

    private static ReportIngested ingested(Hostile document) {
        return ReportIngested.newBuilder().setReportId("r").setAgencyId(document.name()).setAgencyLevel(AgencyLevel.UNKNOWN)
                .setMediaType("text/plain").setSha256("0".repeat(64)).setSizeBytes(document.bytes().length)
                .setIngestedAt(Instant.EPOCH).build();
    }

    private static int avroBytes(ReportParsed event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(ReportParsed.class).write(event, encoder);
        encoder.flush();
        return out.size();
    }
}
