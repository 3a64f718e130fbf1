package io.nianbao.validate;

import io.nianbao.core.model.Finding;
import io.nianbao.core.rules.RuleContext;
import io.nianbao.core.rules.RuleEngine;
import io.nianbao.events.ReportParsed;
import io.nianbao.events.ReportValidated;
import io.nianbao.service.NianbaoServices;
import io.nianbao.service.ReportEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** report.parsed → report.validated: applies the rule catalog of report-core to each report. */
@SpringBootApplication
public class ValidateServiceApplication {

    private static final Logger log = LoggerFactory.getLogger(ValidateServiceApplication.class);

    public static void main(String[] args) {
        NianbaoServices.run(ValidateServiceApplication.class, args);
    }

    @Bean
    RuleEngine ruleEngine() {
        return new RuleEngine();
    }

    @Bean
    Function<ReportParsed, ReportValidated> validateReport(RuleEngine rules) {
        return parsed -> {
            RuleContext context = RuleContext.of(ReportEvents.toModel(parsed)).withContentHashes(parsed.getSha256(), null);
            List<Finding> findings = rules.run(context);
            log.info("validated report {} of {}: {} findings", parsed.getReportId(), parsed.getAgencyId(), findings.size());
            return ReportValidated.newBuilder()
                    .setReportId(parsed.getReportId())
                    .setAgencyId(parsed.getAgencyId())
                    .setAgencyName(parsed.getAgencyName())
                    .setAgencyLevel(parsed.getAgencyLevel())
                    .setRegionCode(parsed.getRegionCode())
                    .setYear(parsed.getYear())
                    .setPublishedOn(parsed.getPublishedOn())
                    .setTemplate(parsed.getTemplate())
                    .setFindings(findings.stream().map(ReportEvents::toEvent).toList())
                    .setValidatedAt(Instant.now())
                    .build();
        };
    }
}
