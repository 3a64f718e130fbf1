package io.nianbao.notify;

import io.nianbao.events.Channel;
import io.nianbao.notify.NotifyProperties.Robot;
import io.nianbao.notify.RobotVendor.Answer;
import io.nianbao.service.DeadLetters;
import io.nianbao.service.outbound.OutboundHttp;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends a notification as one markdown message to a configured group robot of one chat tool
 * (DingTalk, WeCom or Feishu: {@link RobotVendor}), which a subscription names. Never faster than
 * the vendor allows ({@link RobotRateLimit}: a message that would pass the rate waits, beside the
 * partitions, without counting as an attempt); a robot that says it is throttled is left alone for
 * as long as the vendor says. A robot that refuses for good (bad signature, unknown robot) has the
 * payload dead-lettered at once with its code; a failure (no answer, a server error) is retried with
 * back-off, then dead-lettered. Robots' URLs and secrets come from configuration, and are logged
 * nowhere: a robot is named by its name.
 */
public class RobotChannel implements NotificationChannel {

    static final String ROBOT_HEADER = "nianbao-robot";
    /** A robot's answer is a line of JSON: more is not read. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(RobotChannel.class);

    private final RobotVendor vendor;
    private final Map<String, Robot> robots;
    private final CloseableHttpClient http;
    private final JsonMapper json;
    private final DeadLetters deadLetters;
    private final NotifyProperties.RobotDelivery settings;
    private final String inboxUrl;
    private final Clock clock;
    private final RobotRateLimit rates;

    /** The channel of the robots of {@code kind} among {@code properties}' robots. */
    public RobotChannel(Channel kind, NotifyProperties properties, CloseableHttpClient http, JsonMapper json,
                        DeadLetters deadLetters, Clock clock, RobotRateLimit rates) {
        this.vendor = RobotVendor.of(kind);
        this.robots = properties.robots().stream().filter(robot -> robot.kind() == kind)
                .collect(Collectors.toMap(Robot::name, Function.identity()));
        this.http = http;
        this.json = json;
        this.deadLetters = deadLetters;
        this.settings = properties.robot();
        this.inboxUrl = properties.inboxUrl();
        this.clock = clock;
        this.rates = rates;
    }

    @Override
    public Channel kind() {
        return vendor.kind();
    }

    @Override
    public Outcome deliver(Notification notification, int attempt) {
        String name = notification.target().address();
        String markdown = RobotText.markdown(notification, inboxUrl, vendor.maxMarkdownBytes());
        Robot robot = robots.get(name);
        if (robot == null) {
            return deadLetter(notification, markdown.getBytes(StandardCharsets.UTF_8),
                    "no " + vendor.kind() + " robot named " + name + " is configured", attempt);
        }
        String rateKey = vendor.kind() + "/" + name;
        Duration wait = rates.reserve(rateKey, vendor);
        if (!wait.isZero()) {
            log.info("{} takes no more messages now: notification {} in {}", robot, notification.id(), wait);
            return new Outcome.Throttled(wait);
        }
        RobotVendor.Request request = vendor.request(robot, RobotText.title(notification), markdown, clock.instant(), json);
        Answer answer = send(request);
        return switch (answer) {
            case Answer.Accepted accepted -> Outcome.DELIVERED;
            case Answer.Throttled throttled -> {
                log.warn("{} is throttled ({}): notification {} again in {}", robot, throttled.reason(), notification.id(),
                        vendor.throttledFor());
                rates.blockFor(rateKey, vendor.throttledFor());
                yield new Outcome.Throttled(vendor.throttledFor());
            }
            case Answer.Refused refused -> deadLetter(notification, request.body(), refused.reason(), attempt);
            case Answer.Failed failed -> {
                log.warn("{} attempt {}/{} of notification {} failed: {}", robot, attempt, settings.maxAttempts(),
                        notification.id(), failed.reason());
                yield attempt >= settings.maxAttempts() ? deadLetter(notification, request.body(), failed.reason(), attempt)
                        : new Outcome.RetryAfter(settings.initialBackoff().multipliedBy(1L << (attempt - 1)));
            }
        };
    }

    private Answer send(RobotVendor.Request request) {
        HttpPost post = new HttpPost(request.url());
        post.setEntity(new ByteArrayEntity(request.body(), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
            JsonNode body = null;
            if (response.getEntity() != null) {
                try (InputStream in = response.getEntity().getContent()) {
                    body = json.readTree(in.readNBytes(MAX_ANSWER_BYTES));
                } catch (JacksonException notJson) {
                    // An answer that is not the vendor's JSON (a proxy's error page) is read by its status alone.
                }
            }
            return vendor.answer(response.getCode(), body);
        } catch (OutboundHttp.ForbiddenAddress e) {
            return new Answer.Refused("address not allowed: " + e.getMessage());
        } catch (IOException e) {
            return new Answer.Failed(e.toString());
        }
    }

    /** Keeps the undeliverable payload, with the reason and the robot's name (never its URL). */
    private Outcome deadLetter(Notification notification, byte[] payload, String reason, int attempts) {
        deadLetters.send(NotificationChannel.deadLetter(settings.deadLetterTopic(), notification, payload, reason, attempts,
                ROBOT_HEADER, notification.target().address()));
        log.error("{} robot {} gave up on notification {} after {} attempts ({}): kept in {}", vendor.kind(),
                notification.target().address(), notification.id(), attempts, reason, settings.deadLetterTopic());
        return Outcome.DEAD_LETTERED;
    }
}
