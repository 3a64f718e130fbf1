package io.nianbao.parse;

import io.nianbao.core.ReportReader;
import io.nianbao.events.Topics;
import io.nianbao.service.DocumentMemory;
import io.nianbao.service.DocumentStore;
import io.nianbao.service.NianbaoServices;
import io.nianbao.service.PipelineMetrics;
import io.nianbao.service.Poll;
import io.nianbao.service.Polls;
import io.nianbao.service.Rejections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * report.ingested → report.parsed, ocr.requested for a document only OCR can read, or
 * report.rejected for one that cannot be read at all; ocr.recognised (what ocr-service read) →
 * report.parsed: {@link ReportParsing} inside the {@link Poll} skeleton.
 */
@SpringBootApplication
public class ParseServiceApplication {

    public static void main(String[] args) {
        NianbaoServices.run(ParseServiceApplication.class, args);
    }

    @Bean
    ReportReader reportReader() {
        return new ReportReader();
    }

    @Bean
    ReportParsing reportParsing(ReportReader reader, DocumentStore documents, DocumentMemory memory, StreamBridge bridge,
                                Rejections rejections, PipelineMetrics metrics, @Value("${nianbao.parse.ocr}") boolean ocr) {
        return new ReportParsing(reader, documents, memory, bridge, rejections, metrics, ocr);
    }

    /**
     * Consumes report.ingested; produces report.parsed, ocr.requested and report.rejected through the
     * {@link StreamBridge}, not an output binding (a function's output binding has one destination,
     * and one poll's reports go to three topics), in the poll's Kafka transaction, which commits its
     * offsets with them. A transaction per poll, not per report,
     * because each costs the broker about as much as the records it carries.
     *
     * <p>A poll takes no further report once it has run for its time budget: a backlog of long
     * PDFs (~1 s each under load) had made polls of 20 outlast the transaction's timeout, and the
     * broker aborted them to come again whole. A report whose parse killed the service twice is
     * refused (CRASHED_CONSUMER), so its portal hears why it goes no further.
     */
    @Bean
    Consumer<Message<?>> parseReports(Polls polls, ReportParsing parsing,
                                      @Value("${nianbao.parse.poll-time-budget}") Duration pollTimeBudget) {
        return polls.inTransaction(Topics.INGESTED, "parse", events -> parsing::parse, pollTimeBudget, parsing::rejectSetAside);
    }

    /** Consumes ocr.recognised as parseReports consumes report.ingested, on a binding of its own. */
    @Bean
    Consumer<Message<?>> parseRecognised(Polls polls, ReportParsing parsing,
                                         @Value("${nianbao.parse.poll-time-budget}") Duration pollTimeBudget) {
        return polls.inTransaction(Topics.OCR_RECOGNISED, "parse-recognised", events -> parsing::parseRecognised,
                pollTimeBudget, recognised -> parsing.rejectSetAside(recognised.getReport()));
    }
}
