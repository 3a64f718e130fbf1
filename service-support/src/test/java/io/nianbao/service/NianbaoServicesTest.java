package io.nianbao.service;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class NianbaoServicesTest {

    @Test
    void frameworkLogLinesBelowTheLevelAreNeverFormatted() {
        NianbaoServices.checkLevelBeforeFormattingFrameworkLogs();
        LogFactory.releaseAll();
        AtomicInteger formatted = new AtomicInteger();
        Object expensive = new Object() {
            @Override
            public String toString() {
                formatted.incrementAndGet();
                return "a whole report";
            }
        };

        Log log = LogFactory.getLog("io.nianbao.service.quiet");
        // Logback's default level is DEBUG: TRACE is below it.
        assertThat(log.isTraceEnabled()).isFalse();
        log.trace(expensive);

        assertThat(LogFactory.getFactory().getClass().getName()).isEqualTo(NianbaoServices.LOG4J_API_LOG_FACTORY);
        assertThat(formatted).hasValue(0);
        log.info(expensive);
        assertThat(formatted).hasValue(1);
    }
}
