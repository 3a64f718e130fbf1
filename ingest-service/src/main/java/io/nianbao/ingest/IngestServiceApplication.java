package io.nianbao.ingest;

import io.nianbao.events.ReportPublished;
import io.nianbao.service.NianbaoServices;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.function.Consumer;

/**
 * The front door: documents arrive by HTTP ({@link ReportsController}) or as Avro on
 * report.published; both go through {@link ReportIntake} to report.ingested or report.rejected.
 */
@SpringBootApplication
@EnableConfigurationProperties(IngestProperties.class)
public class IngestServiceApplication {

    public static void main(String[] args) {
        NianbaoServices.run(IngestServiceApplication.class, args);
    }

    @Bean
    Consumer<ReportPublished> ingestPublished(ReportIntake intake) {
        return published -> intake.accept(Submission.of(published));
    }
}
