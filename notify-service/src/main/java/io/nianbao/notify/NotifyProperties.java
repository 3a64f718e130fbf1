package io.nianbao.notify;

import io.nianbao.events.Channel;
import io.nianbao.events.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * @param from        sender address of the mails
 * @param inspectors  inspectors who get every AGENCY finding of {@code minSeverity} or more by e-mail
 *                    (a default subscription from configuration, besides those kept in the database)
 * @param operators   who get the SYSTEM findings (we could not read the report with certainty), by e-mail
 * @param inboxUrl    base URL of the inbox page, for the links in mails and webhook payloads
 * @param minSeverity the least severity notified to the configured inspectors and operators
 * @param users       who may log in to the inbox and the API; the username is the inspector's e-mail address
 * @param webhook     signing secret, retries and dead-letter topic of webhook deliveries
 * @param robots      the chat robots subscriptions may name (their URLs and secrets are kept here only)
 * @param robot       retries and dead-letter topic of robot deliveries
 * @param inhibit     which findings keep which others of their report out of notifications
 * @param digest      when the daily digest goes out
 * @param grouping    the timers of a grouped subscription that names none, and the lease of a group being sent
 * @param roster      CSV file of report-core's {@code Roster}, the same as validate-service's: the agencies
 *                    the region overview lists; none: it lists the agencies that reported
 */
@ConfigurationProperties("nianbao.notify")
public record NotifyProperties(String from, List<String> inspectors, List<String> operators, String inboxUrl,
                               Severity minSeverity, List<User> users, Webhook webhook, List<Robot> robots,
                               RobotDelivery robot, List<Inhibition> inhibit, Digest digest,
                               GroupTimers grouping, Path roster) {

    public NotifyProperties {
        inhibit = Objects.requireNonNullElse(inhibit, List.of());
        inspectors = Objects.requireNonNullElse(inspectors, List.of());
        operators = Objects.requireNonNullElse(operators, List.of());
        users = Objects.requireNonNullElse(users, List.of());
        robots = Objects.requireNonNullElse(robots, List.of());
    }

    /**
     * A group robot of a chat tool.
     *
     * @param name   what subscriptions call it
     * @param kind   DINGTALK, WECOM or FEISHU
     * @param url    its webhook, token or key included
     * @param secret DingTalk's 加签 or Feishu's 签名校验 secret; none for WeCom, or when signing is off
     */
    public record Robot(String name, Channel kind, String url, String secret) {

        /** Its name and kind only: the URL holds a token, and the secret is one. */
        @Override
        public String toString() {
            return kind + " robot " + name;
        }
    }

    /**
     * @param maxAttempts    attempts that fail (no answer, a server error) before the payload is dead-lettered;
     *                       waits for the robot's rate do not count
     * @param initialBackoff pause after the first failure, doubled after each further one
     */
    public record RobotDelivery(int maxAttempts, Duration initialBackoff, Duration timeout, String deadLetterTopic) {
    }

    /** @param passwordHash bcrypt, e.g. {@code $2a$10$…} */
    public record User(String username, String passwordHash) {
    }

    /**
     * @param secret         HMAC-SHA256 key shared with the receivers
     * @param maxAttempts    attempts per notification before it goes to the dead-letter topic
     * @param initialBackoff pause after the first failure, doubled after each further one
     */
    public record Webhook(String secret, int maxAttempts, Duration initialBackoff, Duration timeout,
                          String deadLetterTopic) {
    }

    /**
     * @param groupWait      from a group's first finding to its first notification
     * @param groupInterval  least time between two notifications of a group
     * @param repeatInterval after which a group with nothing new is sent again; null: never
     * @param lease          how long a group being sent is one instance's: longer than a send takes; past
     *                 it, unsettled (the instance gone), another instance sends it
     */
    public record GroupTimers(Duration groupWait, Duration groupInterval, Duration repeatInterval, Duration lease) {
    }

    /** @param at local time in {@code zone} from which the day's digest is sent */
    public record Digest(LocalTime at, ZoneId zone) {
    }
}
