package io.nianbao.watch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.nianbao.events.ColumnStatus;
import io.nianbao.events.Topics;
import io.nianbao.service.KafkaClients;
import io.nianbao.service.NianbaoServices;
import io.nianbao.service.PipelineMetrics;
import io.nianbao.service.outbound.OutboundHttp;
import io.nianbao.watch.portal.HostPacer;
import io.nianbao.watch.portal.PortalClient;
import io.nianbao.watch.state.ColumnOwnership;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Turns portals into an event source: reads the configured 政府信息公开年报 columns on a schedule
 * and sends each new or changed report to report.published, with the page it fetched inline
 * ({@link ColumnWatch}); which instance reads which column, and what it remembers, is
 * {@link ColumnOwnership}'s (topic watch.seen). A column that cannot be read for
 * {@code nianbao.watch.failing-after} is told on watch.status and by the gauge
 * {@code nianbao_watch_column_failing}. No binding: its writes are transactions of its own
 * (a report with the column's memory), which a binding does not give.
 */
@SpringBootApplication
@EnableConfigurationProperties(WatchProperties.class)
public class WatchServiceApplication {

    private static final Logger log = LoggerFactory.getLogger(WatchServiceApplication.class);

    public static void main(String[] args) {
        NianbaoServices.run(WatchServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    PortalClient portalClient(WatchProperties properties, OutboundHttp outbound, Clock clock) {
        return new PortalClient(new PortalClient.Settings(properties.userAgent(), properties.robotsToken(),
                properties.connectTimeout(), properties.timeout(), properties.maxPageSize().toBytes(), properties.maxRedirects(),
                properties.robotsTtl(), properties.maxWait()),
                outbound, new HostPacer(clock, properties.hostInterval(), properties.maxBackoff()), clock);
    }

    @Bean
    ColumnHealth columnHealth(WatchProperties properties) {
        return new ColumnHealth(properties.failingAfter());
    }

    /** watch.status's producer: a status is written outside the columns' transactions, and waited for. */
    @Bean(destroyMethod = "close")
    KafkaProducer<String, SpecificRecord> statusProducer(KafkaClients kafka) {
        return kafka.producer(0);
    }

    @Bean
    ColumnOwnership columnOwnership(KafkaClients kafka, WatchProperties properties, PortalClient client, Clock clock,
                                    MeterRegistry meters, PipelineMetrics pipeline, ColumnHealth health,
                                    KafkaProducer<String, SpecificRecord> statusProducer) {
        ColumnWatch watch = new ColumnWatch(client, properties, clock, meters, pipeline);
        return new ColumnOwnership(kafka, properties.columns(), watch, properties.threads(), (column, outcome) -> {
            if (outcome.failed()) {
                log.warn("column {} unread: {}", column.id(), outcome.detail());
            }
            health.after(column, outcome, clock.instant()).ifPresent(status -> tell(statusProducer, status));
        });
    }

    private static void tell(KafkaProducer<String, SpecificRecord> producer, ColumnStatus status) {
        try {
            producer.send(new ProducerRecord<>(Topics.WATCH_STATUS.name(), status.getColumnId(), status)).get();
            log.info("column {} {}: {}", status.getColumnId(), status.getFailing() ? "failing" : "read again", status.getDetail());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.warn("column {}: status not written", status.getColumnId(), e.getCause());
        }
    }

    /** 1 while a column is failing (told on watch.status), per column; 0 on the instances that do not check it. */
    @Bean
    MeterBinder columnFailingGauges(WatchProperties properties, ColumnHealth health) {
        return registry -> properties.columns().forEach(column -> Gauge.builder("nianbao.watch.column.failing", health,
                        h -> h.isFailing(column.id()) ? 1 : 0)
                .tag("column", column.id())
                .description("1 while the column cannot be read (HTTP error, link selector finding nothing) for nianbao.watch.failing-after")
                .register(registry));
    }
}
