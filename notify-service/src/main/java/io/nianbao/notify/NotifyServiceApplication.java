package io.nianbao.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.nianbao.events.Channel;
import io.nianbao.events.Topics;
import io.nianbao.service.DeadLetters;
import io.nianbao.service.NianbaoServices;
import io.nianbao.service.PipelineMetrics;
import io.nianbao.service.KafkaClients;
import io.nianbao.service.Polls;
import io.nianbao.service.outbound.OutboundHttp;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * report.validated → each finding to the inspectors whose subscriptions match (SYSTEM findings to
 * the operators), by e-mail, webhook or chat robot, once → notification.sent; watch.status → the
 * operators' page; and the inspectors' workbench.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(NotifyProperties.class)
public class NotifyServiceApplication {

    public static void main(String[] args) {
        NianbaoServices.run(NotifyServiceApplication.class, args);
    }

    /** The service's time; tests supply their own before the context starts. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The vendored 行政区划 names, read once at start-up (a missing or malformed file stops it). */
    @Bean
    Regions regions() {
        return Regions.load();
    }

    @Bean
    Subscriptions subscriptions(JdbcClient jdbc, NotifyProperties properties, Clock clock) {
        return new Subscriptions(jdbc, properties, clock);
    }

    @Bean
    DeliveryLog deliveryLog(NamedParameterJdbcOperations jdbc, Regions regions) {
        return new DeliveryLog(jdbc, regions::label);
    }

    @Bean
    SmtpConnections smtpConnections(JavaMailSenderImpl mailSender) {
        return new SmtpConnections(mailSender);
    }

    @Bean
    EmailChannel emailChannel(SmtpConnections smtp, NotifyProperties properties) {
        return new EmailChannel(smtp, properties);
    }

    @Bean
    WebhookChannel webhookChannel(JsonMapper json, NotifyProperties properties, Clock clock, OutboundHttp outbound,
                                  DeadLetters deadLetters) {
        CloseableHttpClient http = outbound.client(properties.webhook().timeout(), properties.webhook().timeout());
        return new WebhookChannel(http, json, deadLetters, properties, clock);
    }

    /** One count of each robot's rate for the three robot channels. */
    @Bean
    RobotRateLimit robotRateLimit() {
        return new RobotRateLimit(System::nanoTime);
    }

    @Bean
    RobotChannel dingTalkChannel(NotifyProperties properties, OutboundHttp outbound, JsonMapper json, DeadLetters deadLetters,
                                 Clock clock, RobotRateLimit rates) {
        return robotChannel(Channel.DINGTALK, properties, outbound, json, deadLetters, clock, rates);
    }

    @Bean
    RobotChannel weComChannel(NotifyProperties properties, OutboundHttp outbound, JsonMapper json, DeadLetters deadLetters,
                              Clock clock, RobotRateLimit rates) {
        return robotChannel(Channel.WECOM, properties, outbound, json, deadLetters, clock, rates);
    }

    @Bean
    RobotChannel feishuChannel(NotifyProperties properties, OutboundHttp outbound, JsonMapper json, DeadLetters deadLetters,
                               Clock clock, RobotRateLimit rates) {
        return robotChannel(Channel.FEISHU, properties, outbound, json, deadLetters, clock, rates);
    }

    private static RobotChannel robotChannel(Channel kind, NotifyProperties properties, OutboundHttp outbound, JsonMapper json,
                                             DeadLetters deadLetters, Clock clock, RobotRateLimit rates) {
        CloseableHttpClient http = outbound.client(properties.robot().timeout(), properties.robot().timeout());
        return new RobotChannel(kind, properties, http, json, deadLetters, clock, rates);
    }

    @Bean
    Notifier notifier(Subscriptions subscriptions, DeliveryLog deliveries, List<NotificationChannel> channels,
                      StreamBridge bridge, TransactionOperations transactions, NotifyProperties properties, Clock clock,
                      PipelineMetrics metrics, MeterRegistry registry) {
        return new Notifier(new Router(properties.operators(), properties.minSeverity(), properties.inhibit()), subscriptions, deliveries,
                channels, bridge, transactions, clock, metrics, registry);
    }

    @Bean
    RetrySender retrySender(DeliveryLog deliveries, Notifier notifier, Clock clock) {
        return new RetrySender(deliveries, notifier, clock);
    }

    @Bean
    GroupSender groupSender(DeliveryLog deliveries, Notifier notifier, NotifyProperties properties, Clock clock) {
        return new GroupSender(deliveries, notifier, properties, clock);
    }

    @Bean
    DigestSender digestSender(DeliveryLog deliveries, Notifier notifier, NotifyProperties properties, Clock clock) {
        return new DigestSender(deliveries, notifier, properties, clock);
    }

    /**
     * Consumes report.validated, a poll at a time (application.yaml): one database transaction and
     * one subscriptions read per poll. Produces notification.sent through the {@link StreamBridge},
     * not an output binding: a notification is announced after it was delivered and settled, and
     * the daily digest announces its own outside any poll.
     */
    @Bean
    Consumer<Message<?>> notifyInspectors(Polls polls, Notifier notifier) {
        return polls.retrying(Topics.VALIDATED, "notify", notifier);
    }

    @Bean
    ColumnStatuses columnStatuses(NamedParameterJdbcOperations jdbc) {
        return new ColumnStatuses(jdbc);
    }

    /**
     * Consumes watch.status (watch-service's word on the portal columns it cannot read) into the
     * operators' page. The topic is compacted; it is created here from its {@link Topics} entry if
     * watch-service has not run yet, so that the binder does not create it otherwise.
     */
    @Bean
    Consumer<Message<?>> watchStatus(Polls polls, ColumnStatuses statuses, KafkaClients kafka) {
        kafka.ensureTopics(List.of(Topics.WATCH_STATUS));
        return polls.retrying(Topics.WATCH_STATUS, "watch-status", statuses);
    }
}
