package io.nianbao.notify;

import io.nianbao.events.Channel;
import io.nianbao.notify.Notification.ReportFindings;
import io.nianbao.service.DeadLetters;
import io.nianbao.service.outbound.OutboundHttp;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * POSTs a notification as JSON to the target's URL, signed: header {@value #SIGNATURE_HEADER}
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} with the shared secret, so a
 * receiver can check origin and freshness. A failure (no answer, or not 2xx) asks for another
 * attempt after an exponential back-off, made beside the partitions ({@link RetrySender}); after the
 * last attempt the payload goes to the dead-letter topic with the reason, and the event is not
 * retried for it. The request goes through the service's
 * {@link OutboundHttp}: a URL whose host resolves into our own network (loopback, private,
 * link-local…) is refused on connect, and dead-lettered at once; redirects are not followed.
 */
public class WebhookChannel implements NotificationChannel {

    public static final String SIGNATURE_HEADER = "X-Nianbao-Signature";
    static final String URL_HEADER = "nianbao-webhook-url";

    private static final Logger log = LoggerFactory.getLogger(WebhookChannel.class);

    /** The JSON body. */
    record Payload(String notificationId, String inspector, boolean digest, Notification.GroupSend group,
                   Notification.Resolution resolution, List<PayloadReport> reports) {
    }

    record PayloadReport(String reportId, String agencyId, String agencyName, String agencyLevel, String regionCode,
                         Integer year, String publishedOn, String inboxUrl, List<StoredFinding> findings) {
    }

    private final CloseableHttpClient http;
    private final JsonMapper json;
    private final DeadLetters deadLetters;
    private final NotifyProperties.Webhook settings;
    private final String inboxUrl;
    private final Clock clock;

    public WebhookChannel(CloseableHttpClient http, JsonMapper json, DeadLetters deadLetters, NotifyProperties properties,
                          Clock clock) {
        this.http = http;
        this.json = json;
        this.deadLetters = deadLetters;
        this.settings = properties.webhook();
        this.inboxUrl = properties.inboxUrl();
        this.clock = clock;
    }

    @Override
    public Channel kind() {
        return Channel.WEBHOOK;
    }

    @Override
    public Outcome deliver(Notification notification, int attempt) {
        byte[] body = json.writeValueAsBytes(payload(notification));
        URI url = URI.create(notification.target().address());
        String failure;
        // The answer's body is not read: closing the response discards it with its connection.
        try (ClassicHttpResponse response = http.executeOpen(null, request(url, notification, body), null)) {
            int status = response.getCode();
            if (status / 100 == 2) {
                return Outcome.DELIVERED;
            }
            failure = "HTTP " + status;
        } catch (OutboundHttp.ForbiddenAddress e) {
            log.warn("webhook {} of notification {} resolves into our own network ({}): not sent", url, notification.id(),
                    e.getMessage());
            deadLetter(notification, body, "address not allowed: " + e.getMessage(), attempt);
            return Outcome.DEAD_LETTERED;
        } catch (IOException e) {
            failure = e.toString();
        }
        log.warn("webhook {} attempt {}/{} of notification {} failed: {}", url, attempt, settings.maxAttempts(),
                notification.id(), failure);
        if (attempt >= settings.maxAttempts()) {
            deadLetter(notification, body, failure, attempt);
            return Outcome.DEAD_LETTERED;
        }
        return new Outcome.RetryAfter(settings.initialBackoff().multipliedBy(1L << (attempt - 1)));
    }

    private HttpPost request(URI url, Notification notification, byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpPost post = new HttpPost(url);
        post.setHeader(EmailChannel.NOTIFICATION_ID_HEADER, notification.id());
        post.setHeader(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + hmacHex(timestamp + "." + new String(body, StandardCharsets.UTF_8)));
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        return post;
    }

    private String hmacHex(String signed) {
        return HexFormat.of().formatHex(Signatures.hmacSha256(settings.secret().getBytes(StandardCharsets.UTF_8),
                signed.getBytes(StandardCharsets.UTF_8)));
    }

    private Payload payload(Notification notification) {
        return new Payload(notification.id(), notification.target().inspector(), notification.digest(),
                notification.group(), notification.resolution(), notification.reports().stream().map(this::payloadReport).toList());
    }

    private PayloadReport payloadReport(ReportFindings entry) {
        ReportInfo r = entry.report();
        return new PayloadReport(r.reportId(), r.agencyId(), r.agencyName(), r.agencyLevel().name(), r.regionCode(),
                r.year(), r.publishedOn(), MailText.reportLink(inboxUrl, r), entry.findings());
    }

    /** Keeps the undeliverable payload, with the reason and the webhook's URL. */
    private void deadLetter(Notification notification, byte[] body, String reason, int attempts) {
        deadLetters.send(NotificationChannel.deadLetter(settings.deadLetterTopic(), notification, body, reason, attempts,
                URL_HEADER, notification.target().address()));
        log.error("webhook {} gave up on notification {} after {} attempts ({}): kept in {}", notification.target().address(),
                notification.id(), attempts, reason, settings.deadLetterTopic());
    }
}
