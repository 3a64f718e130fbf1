package io.nianbao.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nianbao.events.Channel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * DingTalk's, WeCom's and Feishu's group robots on 127.0.0.1, as their documentation describes
 * them: DingTalk checks 加签 in the URL and takes 20 messages a minute, then refuses for 10 minutes;
 * WeCom checks its key and 4,096 bytes of markdown and takes 20 a minute; Feishu checks 签名校验 in
 * the body, 20 KB bodies, and takes 100 a minute and 5 a second. Timestamps must be within an hour
 * of the service's clock; rates count real time. Answers are HTTP 200 with the vendor's error code.
 * Signatures are checked by this class's own HMAC code, itself checked against known answers
 * ({@code RobotSignatureTest}), never by the client's.
 */
final class RobotServer implements AutoCloseable {

    /** A message a robot accepted. */
    record Accepted(String robot, long atNanos, String markdown) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final HttpServer server;
    private final Supplier<Instant> now;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    /** Guarded by itself: when each robot accepted its messages. */
    private final Map<String, Deque<Long>> times = new HashMap<>();
    private final Map<String, Long> refusingUntil = new ConcurrentHashMap<>();
    /** Robots that answer "throttled" to their next message, as when another sender used up the rate. */
    private final Map<String, Boolean> throttleNext = new ConcurrentHashMap<>();

    /** @param now the time signatures' timestamps are checked against: the service's */
    RobotServer(Supplier<Instant> now) throws IOException {
        this.now = now;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/dingtalk/robot/send", exchange -> answer(exchange, dingTalk(exchange)));
        server.createContext("/wecom/cgi-bin/webhook/send", exchange -> answer(exchange, weCom(exchange)));
        server.createContext("/feishu/open-apis/bot/v2/hook/", exchange -> answer(exchange, feishu(exchange)));
        server.start();
    }

    /** A robot known by its token (DingTalk access_token, WeCom key, Feishu hook), signing with {@code secret} (or none). */
    RobotServer robot(String token, String secret) {
        secrets.put(token, secret == null ? "" : secret);
        return this;
    }

    String dingTalkUrl(String token) {
        return base() + "/dingtalk/robot/send?access_token=" + token;
    }

    String weComUrl(String token) {
        return base() + "/wecom/cgi-bin/webhook/send?key=" + token;
    }

    String feishuUrl(String token) {
        return base() + "/feishu/open-apis/bot/v2/hook/" + token;
    }

    /**
     * Adds to notify-service's {@code settings} the robot {@code name} at {@code index} of
     * {@code nianbao.notify.robots}, of tool {@code kind}, posting to {@code url}, signing with {@code secret} (or none).
     */
    static void configure(Map<String, String> settings, int index, String name, Channel kind, String url, String secret) {
        String prefix = "nianbao.notify.robots[" + index + "].";
        settings.put(prefix + "name", name);
        settings.put(prefix + "kind", kind.name());
        settings.put(prefix + "url", url);
        if (secret != null) {
            settings.put(prefix + "secret", secret);
        }
    }

    void throttleNext(String token) {
        throttleNext.put(token, true);
    }

    List<Accepted> accepted(String token) {
        return accepted.stream().filter(a -> a.robot().equals(token)).toList();
    }

    /** The most messages the robot accepted within any minute. */
    int mostInAMinute(String token) {
        List<Long> at = accepted(token).stream().map(Accepted::atNanos).sorted().toList();
        int most = 0;
        for (int i = 0, j = 0; i < at.size(); i++) {
            while (at.get(i) - at.get(j) >= MINUTE.toNanos()) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }

    /** DingTalk: HMAC-SHA256 keyed by the secret, of "timestamp\nsecret", Base64. */
    static String dingTalkSign(String timestamp, String secret) {
        return base64Hmac(secret, timestamp + "\n" + secret);
    }

    /** Feishu: HMAC-SHA256 keyed by "timestamp\nsecret", of nothing, Base64. */
    static String feishuSign(String timestamp, String secret) {
        return base64Hmac(timestamp + "\n" + secret, "");
    }

    private static String base64Hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> dingTalk(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        byte[] body = exchange.getRequestBody().readAllBytes();
        String token = query.get("access_token");
        String secret = token == null ? null : secrets.get(token);
        if (secret == null) {
            return Map.of("errcode", 300005, "errmsg", "token is not exist");
        }
        if (!secret.isEmpty()) {
            String timestamp = query.get("timestamp");
            if (timestamp == null || Math.abs(Long.parseLong(timestamp) - now.get().toEpochMilli()) > Duration.ofHours(1).toMillis()) {
                return Map.of("errcode", 310000, "errmsg", "invalid timestamp");
            }
            if (!dingTalkSign(timestamp, secret).equals(query.get("sign"))) {
                return Map.of("errcode", 310000, "errmsg", "sign not match");
            }
        }
        if (body.length > 20_000) {
            return Map.of("errcode", 460101, "errmsg", "message too long, exceed 20000 bytes");
        }
        if (!withinRate(token, 20, 0, Duration.ofMinutes(10))) {
            return Map.of("errcode", 410100, "errmsg", "send too fast");
        }
        JsonNode message = JSON.readTree(body);
        if (!"markdown".equals(message.path("msgtype").asString()) || message.path("markdown").path("title").asString().isEmpty()) {
            return Map.of("errcode", 400105, "errmsg", "unsupported msgtype");
        }
        return accept(token, message.path("markdown").path("text").asString(), Map.of("errcode", 0, "errmsg", "ok"));
    }

    private Map<String, Object> weCom(HttpExchange exchange) throws IOException {
        String token = query(exchange).get("key");
        JsonNode message = JSON.readTree(exchange.getRequestBody().readAllBytes());
        if (token == null || !secrets.containsKey(token)) {
            return Map.of("errcode", 93000, "errmsg", "invalid webhook url");
        }
        String content = message.path("markdown").path("content").asString();
        if (content.getBytes(StandardCharsets.UTF_8).length > 4096) {
            return Map.of("errcode", 40058, "errmsg", "markdown.content exceed max length 4096");
        }
        if (!withinRate(token, 20, 0, MINUTE)) {
            return Map.of("errcode", 45009, "errmsg", "api freq out of limit");
        }
        return accept(token, content, Map.of("errcode", 0, "errmsg", "ok"));
    }

    private Map<String, Object> feishu(HttpExchange exchange) throws IOException {
        String token = exchange.getRequestURI().getPath().substring("/feishu/open-apis/bot/v2/hook/".length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        String secret = secrets.get(token);
        if (secret == null) {
            return Map.of("code", 19001, "msg", "param invalid: incoming webhook access token invalid", "data", Map.of());
        }
        if (body.length > 20 * 1024) {
            return Map.of("code", 9499, "msg", "Bad Request", "data", Map.of());
        }
        JsonNode message = JSON.readTree(body);
        if (!secret.isEmpty()) {
            String timestamp = message.path("timestamp").asString();
            if (timestamp.isEmpty() || Math.abs(Long.parseLong(timestamp) - now.get().getEpochSecond()) > 3600
                    || !feishuSign(timestamp, secret).equals(message.path("sign").asString())) {
                return Map.of("code", 19021, "msg", "sign match fail or timestamp is not within one hour from current time");
            }
        }
        if (!withinRate(token, 100, 5, MINUTE)) {
            return Map.of("code", 11232, "msg", "frequency limited", "data", Map.of());
        }
        return accept(token, message.path("card").path("elements").path(0).path("content").asString(),
                Map.of("StatusCode", 0, "StatusMessage", "success", "code", 0, "data", Map.of(), "msg", "success"));
    }

    private Map<String, Object> accept(String token, String markdown, Map<String, Object> answer) {
        accepted.add(new Accepted(token, System.nanoTime(), markdown));
        return answer;
    }

    /** Counts a message against the robot's rates; false when it passes them (the robot then refuses for {@code penalty}). */
    private boolean withinRate(String token, int perMinute, int perSecond, Duration penalty) {
        long now = System.nanoTime();
        synchronized (times) {
            Long until = refusingUntil.get(token);
            if (until != null && until - now > 0 || throttleNext.remove(token) != null) {
                return false;
            }
            Deque<Long> sent = times.computeIfAbsent(token, t -> new ArrayDeque<>());
            sent.removeIf(t -> now - t >= MINUTE.toNanos());
            long lastSecond = sent.stream().filter(t -> now - t < Duration.ofSeconds(1).toNanos()).count();
            if (sent.size() >= perMinute || perSecond > 0 && lastSecond >= perSecond) {
                refusingUntil.put(token, now + penalty.toNanos());
                return false;
            }
            sent.addLast(now);
            return true;
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void answer(HttpExchange exchange, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
