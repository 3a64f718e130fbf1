package io.nianbao.notify;

import io.nianbao.events.Channel;
import io.nianbao.notify.NotifyProperties.Robot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What differs between the chat tools' group robots, as their documentation says: how a message is
 * signed and written, how fast a robot may be sent to, and what its answer means. The vendors
 * answer HTTP 200 with an error code in the body, and tell to go by the code, never the message.
 */
sealed interface RobotVendor {

    RobotVendor DINGTALK = new DingTalk();
    RobotVendor WECOM = new WeCom();
    RobotVendor FEISHU = new Feishu();

    static RobotVendor of(Channel kind) {
        return switch (kind) {
            case DINGTALK -> DINGTALK;
            case WECOM -> WECOM;
            case FEISHU -> FEISHU;
            default -> throw new IllegalArgumentException(kind + " is not a robot");
        };
    }

    Channel kind();

    /** At most this many messages per robot in a minute. */
    int perMinute();

    /** At most this many in a second, or 0 when only the minute counts. */
    default int perSecond() {
        return 0;
    }

    /** How long the robot refuses messages once its rate was passed. */
    default Duration throttledFor() {
        return Duration.ofMinutes(1);
    }

    /** The most UTF-8 bytes of markdown one message carries. */
    int maxMarkdownBytes();

    /** The request for one markdown message, signed with the robot's secret (if it has one) at {@code now}. */
    Request request(Robot robot, String title, String markdown, Instant now, JsonMapper json);

    /** What the robot's answer means. */
    Answer answer(int httpStatus, JsonNode body);

    record Request(URI url, byte[] body) {
    }

    sealed interface Answer {
        Answer ACCEPTED = new Accepted();

        record Accepted() implements Answer {
        }

        /** The robot's rate was passed. */
        record Throttled(String reason) implements Answer {
        }

        /** Refused for good (a bad signature, an unknown robot, a message it will never take): no retry helps. */
        record Refused(String reason) implements Answer {
        }

        /** Failed this time (a server error, busy): worth another attempt. */
        record Failed(String reason) implements Answer {
        }
    }

    /** The answer to a request that failed at the HTTP level. */
    private static Answer httpFailure(int httpStatus) {
        return httpStatus == 429 ? new Answer.Throttled("HTTP 429") : new Answer.Failed("HTTP " + httpStatus);
    }

    /** DingTalk's and WeCom's answers: {@code {"errcode":0,"errmsg":"ok"}}, or another code. */
    private static Answer errcodeAnswer(int httpStatus, JsonNode body, Set<Integer> throttled, Set<Integer> refused) {
        if (httpStatus / 100 != 2 || body == null || !body.has("errcode")) {
            return httpFailure(httpStatus);
        }
        int code = body.get("errcode").asInt();
        String reason = "errcode " + code + ": " + body.path("errmsg").asString("");
        return code == 0 ? Answer.ACCEPTED : throttled.contains(code) ? new Answer.Throttled(reason)
                : refused.contains(code) ? new Answer.Refused(reason) : new Answer.Failed(reason);
    }

    private static String base64Hmac(String key, String message) {
        return Base64.getEncoder().encodeToString(Signatures.hmacSha256(key.getBytes(StandardCharsets.UTF_8),
                message.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean signed(Robot robot) {
        return robot.secret() != null && !robot.secret().isBlank();
    }

    /**
     * DingTalk's custom robot (自定义机器人): 加签 puts {@code timestamp} (ms) and {@code sign} =
     * URL-encoded Base64(HmacSHA256 keyed by the secret, of "timestamp\nsecret") in the URL; 20
     * messages a minute, then 10 minutes refused; answers {@code {"errcode":0,"errmsg":"ok"}}.
     */
    final class DingTalk implements RobotVendor {
        /** Over the rate: 410100 in the documentation, 130101 in answers seen from the servers. */
        private static final Set<Integer> THROTTLED = Set.of(410100, 130101);
        /** Bad signature, keyword or timestamp (310000), unknown token or robot, disbanded group, too long, unsafe content. */
        private static final Set<Integer> REFUSED = Set.of(310000, 300001, 300005, 400013, 400101, 400102, 400105, 400106,
                460101, 430101, 430102, 430103, 430104);

        @Override
        public Channel kind() {
            return Channel.DINGTALK;
        }

        @Override
        public int perMinute() {
            return 20;
        }

        @Override
        public Duration throttledFor() {
            return Duration.ofMinutes(10);
        }

        /** Bodies above 20,000 bytes are refused (460101); the markdown leaves room for the rest of it. */
        @Override
        public int maxMarkdownBytes() {
            return 18_000;
        }

        @Override
        public Request request(Robot robot, String title, String markdown, Instant now, JsonMapper json) {
            String url = robot.url();
            if (signed(robot)) {
                String timestamp = Long.toString(now.toEpochMilli());
                url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                        + URLEncoder.encode(base64Hmac(robot.secret(), timestamp + "\n" + robot.secret()), StandardCharsets.UTF_8);
            }
            return new Request(URI.create(url), json.writeValueAsBytes(Map.of("msgtype", "markdown",
                    "markdown", Map.of("title", title, "text", markdown))));
        }

        @Override
        public Answer answer(int httpStatus, JsonNode body) {
            return errcodeAnswer(httpStatus, body, THROTTLED, REFUSED);
        }
    }

    /**
     * WeCom's group robot (群机器人): the key in the URL is its only credential; markdown content
     * of at most 4,096 UTF-8 bytes; 20 messages a minute; answers {@code {"errcode":0,"errmsg":"ok"}}.
     */
    final class WeCom implements RobotVendor {
        private static final Set<Integer> THROTTLED = Set.of(45009);
        /** Invalid webhook URL or robot removed, robot disabled, not in the group, bad parameter or msgtype, empty. */
        private static final Set<Integer> REFUSED = Set.of(93000, 93004, 93008, 40058, 40008, 44004);

        @Override
        public Channel kind() {
            return Channel.WECOM;
        }

        @Override
        public int perMinute() {
            return 20;
        }

        @Override
        public int maxMarkdownBytes() {
            return 4096;
        }

        @Override
        public Request request(Robot robot, String title, String markdown, Instant now, JsonMapper json) {
            return new Request(URI.create(robot.url()), json.writeValueAsBytes(Map.of("msgtype", "markdown",
                    "markdown", Map.of("content", markdown))));
        }

        @Override
        public Answer answer(int httpStatus, JsonNode body) {
            return errcodeAnswer(httpStatus, body, THROTTLED, REFUSED);
        }
    }

    /**
     * Feishu's custom bot (自定义机器人): 签名校验 puts {@code timestamp} (s) and {@code sign} =
     * Base64(HmacSHA256 keyed by "timestamp\nsecret", of nothing) in the JSON body; a card with a
     * markdown element; bodies of at most 20 KB; 100 messages a minute and 5 a second; answers
     * {@code {"code":0,"msg":"success"}}.
     */
    final class Feishu implements RobotVendor {
        private static final int FREQUENCY_LIMITED = 11232;
        private static final int BAD_REQUEST = 9499;
        /** Signature or timestamp (19021), IP (19022), keyword (19024), token (19001), parameters (19002), bot off (19007). */
        private static final Set<Integer> REFUSED = Set.of(19021, 19022, 19024, 19001, 19002, 19007);

        @Override
        public Channel kind() {
            return Channel.FEISHU;
        }

        @Override
        public int perMinute() {
            return 100;
        }

        @Override
        public int perSecond() {
            return 5;
        }

        /** The body may take 20 KB; the markdown leaves room for the card around it. */
        @Override
        public int maxMarkdownBytes() {
            return 18_000;
        }

        @Override
        public Request request(Robot robot, String title, String markdown, Instant now, JsonMapper json) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (signed(robot)) {
                String timestamp = Long.toString(now.getEpochSecond());
                body.put("timestamp", timestamp);
                body.put("sign", base64Hmac(timestamp + "\n" + robot.secret(), ""));
            }
            body.put("msg_type", "interactive");
            body.put("card", Map.of(
                    "header", Map.of("title", Map.of("tag", "plain_text", "content", title), "template", "red"),
                    "elements", List.of(Map.of("tag", "markdown", "content", markdown))));
            return new Request(URI.create(robot.url()), json.writeValueAsBytes(body));
        }

        @Override
        public Answer answer(int httpStatus, JsonNode body) {
            if (body == null || !body.has("code")) {
                return httpFailure(httpStatus);
            }
            int code = body.get("code").asInt();
            String message = body.path("msg").asString("");
            String reason = "code " + code + ": " + message;
            if (code == 0 && httpStatus / 100 == 2) {
                return Answer.ACCEPTED;
            }
            // 9499 is both a malformed body and, in answers seen, "too many request".
            if (code == FREQUENCY_LIMITED || code == BAD_REQUEST && message.toLowerCase().contains("too many")) {
                return new Answer.Throttled(reason);
            }
            return REFUSED.contains(code) || code == BAD_REQUEST ? new Answer.Refused(reason) : new Answer.Failed(reason);
        }
    }
}
