package io.nianbao.watch.portal;

import io.nianbao.events.ColumnProblem;
import io.nianbao.service.outbound.OutboundHttp;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How watch-service reads portals, politely and safely: every URL, redirects included, through
 * the service's {@link OutboundHttp} (public addresses only, checked at connection) and the
 * site's robots.txt (fetched and kept per site); one request per host per interval
 * ({@link HostPacer}), none while a host asked us to back off (429, 5xx, Retry-After); each
 * request within one deadline and a size limit; conditional GETs with the page's validators; a
 * User-Agent naming nianbao and a contact.
 */
public final class PortalClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PortalClient.class);

    /**
     * @param userAgent   sent with every request: names nianbao and how to reach its operators
     * @param robotsToken the product token robots.txt groups are matched against
     * @param maxWait     the longest a request waits for its host's turn; beyond, it is not made
     */
    public record Settings(String userAgent, String robotsToken, Duration connectTimeout, Duration timeout,
                           long maxBytes, int maxRedirects, Duration robotsTtl, Duration maxWait) {
    }

    private record Robots(RobotsTxt rules, Instant until) {
    }

    private final Settings settings;
    private final OutboundHttp outbound;
    private final HostPacer pacer;
    private final Clock clock;
    private final CloseableHttpClient http;
    private final Map<String, Robots> robots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("watch-deadlines").daemon().factory());

    public PortalClient(Settings settings, OutboundHttp outbound, HostPacer pacer, Clock clock) {
        this.settings = settings;
        this.outbound = outbound;
        this.pacer = pacer;
        this.clock = clock;
        this.http = outbound.client(settings.connectTimeout(), settings.timeout());
    }

    /**
     * GETs the page, following redirects (each hop checked again), sending the validators of the
     * last answer. Statuses other than 200, 304, 429 and 5xx are answered as they are (a 404 ends
     * a column's pagination).
     *
     * @throws FetchFailure when the page may not or could not be read, or the host asked us to back off
     */
    public Page get(String url, Page.Validators validators) throws FetchFailure, InterruptedException {
        URI uri = checked(url);
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            if (!robotsOf(uri).rules().allows(pathOf(uri))) {
                throw new FetchFailure(ColumnProblem.ROBOTS_DISALLOWED, null, "robots.txt不允许抓取" + uri);
            }
            Answer answer = exchange(uri, validators);
            if (answer.location() != null) {
                uri = checked(uri.resolve(answer.location()).toString());
                continue;
            }
            return new Page(answer.status(), uri.toString(), answer.body(), answer.validators());
        }
        throw new FetchFailure(ColumnProblem.HTTP_STATUS, null, "重定向次数超过" + settings.maxRedirects() + "次：" + url);
    }

    private record Answer(int status, byte[] body, Page.Validators validators, String location) {
    }

    /** One request, in the host's turn, within the deadline; a redirect's Location is answered, not followed. */
    private Answer exchange(URI uri, Page.Validators validators) throws FetchFailure, InterruptedException {
        waitForTurn(uri.getHost());
        HttpGet get = new HttpGet(uri);
        get.setHeader("User-Agent", settings.userAgent());
        if (validators != null && validators.etag() != null) {
            get.setHeader("If-None-Match", validators.etag());
        }
        if (validators != null && validators.lastModified() != null) {
            get.setHeader("If-Modified-Since", validators.lastModified());
        }
        AtomicBoolean aborted = new AtomicBoolean();
        ScheduledFuture<?> abort = deadlines.schedule(() -> {
            aborted.set(true);
            get.cancel();
        }, settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = http.executeOpen(null, get, null)) {
            int status = response.getCode();
            if (status == 429 || status >= 500) {
                Header retryAfter = response.getFirstHeader("Retry-After");
                pacer.backOff(uri.getHost(), HostPacer.retryAfter(retryAfter == null ? null : retryAfter.getValue(), clock.instant()));
                throw new FetchFailure(ColumnProblem.HTTP_STATUS, status, "服务器返回状态码" + status + "：" + uri);
            }
            pacer.answered(uri.getHost());
            Header location = response.getFirstHeader("Location");
            if (status >= 300 && status < 400 && status != 304 && location != null) {
                return new Answer(status, null, Page.Validators.NONE, location.getValue());
            }
            byte[] body = status == 200 ? body(response.getEntity(), uri) : null;
            return new Answer(status, body, new Page.Validators(value(response, "ETag"), value(response, "Last-Modified")), null);
        } catch (OutboundHttp.ForbiddenAddress e) {
            throw new FetchFailure(ColumnProblem.ADDRESS_REFUSED, null, "网址解析到内部或保留网络地址（" + e.getMessage() + "），不予访问");
        } catch (IOException e) {
            if (aborted.get()) {
                throw new FetchFailure(ColumnProblem.UNREACHABLE, null, "超过" + settings.timeout().toSeconds() + "秒未读完：" + uri);
            }
            log.info("reading {} failed: {}", uri, e.toString());
            throw new FetchFailure(ColumnProblem.UNREACHABLE, null, "连接或读取失败（" + e.getClass().getSimpleName() + "）：" + uri);
        } finally {
            abort.cancel(false);
        }
    }

    private void waitForTurn(String host) throws FetchFailure, InterruptedException {
        Optional<Instant> turn = pacer.reserve(host, settings.maxWait());
        if (turn.isEmpty()) {
            throw new FetchFailure(ColumnProblem.BACKING_OFF, null, "网站" + host + "要求暂停访问，稍后再试");
        }
        long waitMillis = Duration.between(clock.instant(), turn.get()).toMillis();
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
    }

    private byte[] body(HttpEntity entity, URI uri) throws IOException, FetchFailure {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > settings.maxBytes()) {
            throw tooLarge(uri);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = entity.getContent()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (out.size() + n > settings.maxBytes()) {
                    throw tooLarge(uri);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private FetchFailure tooLarge(URI uri) {
        return new FetchFailure(ColumnProblem.TOO_LARGE, null, "页面超过" + settings.maxBytes() / 1024 + "KB：" + uri);
    }

    /** The site's robots.txt, read again after its time to live; a site that cannot say is not read meanwhile. */
    private Robots robotsOf(URI uri) throws FetchFailure, InterruptedException {
        String site = uri.getScheme() + "://" + uri.getRawAuthority();
        Robots known = robots.get(site);
        if (known != null && known.until().isAfter(clock.instant())) {
            return known;
        }
        RobotsTxt rules;
        URI robotsUri = checked(site + "/robots.txt");
        try {
            Answer answer = exchange(robotsUri, null);
            for (int hop = 0; answer.location() != null && hop < settings.maxRedirects(); hop++) {
                robotsUri = checked(robotsUri.resolve(answer.location()).toString());
                answer = exchange(robotsUri, null);
            }
            rules = answer.status() == 200 && answer.body() != null
                    ? RobotsTxt.parse(new String(answer.body(), StandardCharsets.UTF_8), settings.robotsToken())
                    : answer.status() >= 400 && answer.status() < 500 ? RobotsTxt.ALLOW_ALL : RobotsTxt.DISALLOW_ALL;
        } catch (FetchFailure e) {
            if (e.problem() == ColumnProblem.ADDRESS_REFUSED || e.problem() == ColumnProblem.BACKING_OFF) {
                throw e;
            }
            log.info("robots.txt of {} unreadable ({}): nothing read there until it is", site, e.getMessage());
            rules = RobotsTxt.DISALLOW_ALL;
        }
        rules.crawlDelay().ifPresent(delay -> pacer.crawlDelay(uri.getHost(), delay));
        Robots fresh = new Robots(rules, clock.instant().plus(rules == RobotsTxt.DISALLOW_ALL ? settings.maxWait() : settings.robotsTtl()));
        robots.put(site, fresh);
        return fresh;
    }

    private URI checked(String url) throws FetchFailure {
        try {
            return outbound.checkUrl(url, false);
        } catch (IllegalArgumentException | OutboundHttp.ForbiddenAddress e) {
            throw new FetchFailure(ColumnProblem.ADDRESS_REFUSED, null, "不是可访问的http(s)网址：" + url);
        }
    }

    private static String pathOf(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static String value(ClassicHttpResponse response, String header) {
        Header h = response.getFirstHeader(header);
        return h == null ? null : h.getValue();
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }
}
