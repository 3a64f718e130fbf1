package io.nianbao.parse;

import io.nianbao.core.ReportReader;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.events.ReportIngested;
import io.nianbao.events.ReportParsed;
import io.nianbao.events.Stage;
import io.nianbao.service.DocumentStore;
import io.nianbao.service.NianbaoServices;
import io.nianbao.service.PipelineMetrics;
import io.nianbao.service.Rejections;
import io.nianbao.service.ReportEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.util.function.Function;

/**
 * report.ingested → report.parsed: reads the document into the report model. A document that
 * cannot be read at all (corrupt, scanned image) goes to report.rejected with the reason.
 */
@SpringBootApplication
public class ParseServiceApplication {

    private static final Logger log = LoggerFactory.getLogger(ParseServiceApplication.class);

    public static void main(String[] args) {
        NianbaoServices.run(ParseServiceApplication.class, args);
    }

    @Bean
    ReportReader reportReader() {
        return new ReportReader();
    }

    @Bean
    Function<ReportIngested, ReportParsed> parseReport(ReportReader reader, DocumentStore documents, Rejections rejections,
                                                       PipelineMetrics metrics) {
        return ingested -> {
            metrics.reportIn();
            try {
                ReportParsed parsed = ReportEvents.toEvent(ingested,
                        reader.read(documents.contentOf(ingested), ReportEvents.hintsOf(ingested)));
                log.info("parsed report {} of {}: template {}, {} parse findings", ingested.getReportId(),
                        ingested.getAgencyId(), parsed.getTemplate(), parsed.getParseFindings().size());
                metrics.reportOut();
                return parsed;
            } catch (UnreadableDocumentException e) {
                log.info("rejected report {} of {}: {}", ingested.getReportId(), ingested.getAgencyId(), e.getMessage());
                rejections.reject(ingested.getReportId(), ingested.getAgencyId(), ingested.getPortalId(), Stage.PARSE,
                        e.reason().name(), e.chineseMessage(), e.getMessage());
                return null;
            }
        };
    }
}
