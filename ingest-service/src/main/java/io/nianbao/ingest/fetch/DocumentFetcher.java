package io.nianbao.ingest.fetch;

import io.nianbao.ingest.Incoming;
import io.nianbao.ingest.IngestProperties;
import io.nianbao.ingest.Portal;
import io.nianbao.ingest.intake.IntakeRejection;
import io.nianbao.ingest.intake.ReceivedDocument;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import io.nianbao.service.outbound.OutboundHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches a document a portal points to, without letting the URL reach inside our network:
 * http(s) only, hosts on the portal's allowlist only, and connections only to addresses the
 * service's {@link OutboundHttp} permits (checked when the host is resolved to connect).
 * Redirects are followed by hand and each hop is checked again.
 *
 * <p>The whole fetch (connect, headers, redirects, body) has one deadline, enforced by aborting
 * the request: a server that trickles its body a byte a second is cut off at the deadline, not
 * kept while each read returns in time. The body is written to a file as it arrives
 * ({@link Incoming}), so a download holds no document memory until it is whole.
 */
@Component
public class DocumentFetcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DocumentFetcher.class);

    private final IngestProperties.Fetch settings;
    private final Incoming incoming;
    private final OutboundHttp outbound;
    private final CloseableHttpClient http;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("fetch-deadlines").daemon().factory());

    public DocumentFetcher(IngestProperties properties, Incoming incoming, OutboundHttp outbound) {
        this.settings = properties.fetch();
        this.incoming = incoming;
        this.outbound = outbound;
        this.http = outbound.client(settings.connectTimeout(), settings.timeout());
    }

    /** The document at {@code url}, at most {@code maxBytes} long, in a file deleted when it is closed. */
    public ReceivedDocument fetch(String url, Portal portal, long maxBytes) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        URI uri = checked(url, portal);
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            HttpGet get = new HttpGet(uri);
            AtomicBoolean aborted = new AtomicBoolean();
            ScheduledFuture<?> abort = deadlines.schedule(() -> {
                aborted.set(true);
                get.cancel();
            }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            try (ClassicHttpResponse response = http.executeOpen(null, get, null)) {
                int status = response.getCode();
                Header location = response.getFirstHeader("Location");
                if (status >= 300 && status < 400 && location != null) {
                    uri = checked(resolve(uri, location.getValue()), portal);
                    continue;
                }
                if (status != 200) {
                    throw failed("服务器返回状态码" + status);
                }
                HttpEntity entity = response.getEntity();
                if (entity != null && entity.getContentLength() > maxBytes) {
                    throw IntakeRejection.tooLarge(maxBytes);
                }
                return ReceivedDocument.onDisk(body(entity, maxBytes), fileNameOf(uri), true);
            } catch (OutboundHttp.ForbiddenAddress e) {
                throw new IntakeRejection("ADDRESS_NOT_ALLOWED",
                        "文件地址解析到内部或保留网络地址（" + e.getMessage() + "），不予访问", 403);
            } catch (IOException e) {
                if (aborted.get()) {
                    log.info("fetching {} for portal {} took longer than {}: aborted", uri, portal.id(), settings.timeout());
                    throw failed("下载超过" + settings.timeout().toSeconds() + "秒未完成，已中止");
                }
                log.info("fetching {} for portal {} failed: {}", uri, portal.id(), e.toString());
                throw failed(e instanceof UnknownHostException ? "无法解析域名" + uri.getHost()
                        : "连接或读取失败（" + e.getClass().getSimpleName() + "）");
            } finally {
                abort.cancel(false);
            }
        }
        throw failed("重定向次数超过" + settings.maxRedirects() + "次");
    }

    private URI checked(String url, Portal portal) {
        URI uri;
        try {
            uri = outbound.checkUrl(url, false);
        } catch (IllegalArgumentException | OutboundHttp.ForbiddenAddress e) {
            throw badUrl(url);
        }
        if (!portal.mayFetchFrom(uri.getHost())) {
            throw new IntakeRejection("HOST_NOT_ALLOWED", "文件地址的域名" + uri.getHost() + "不在本门户登记的域名范围内", 403);
        }
        return uri;
    }

    private static String resolve(URI base, String location) {
        try {
            return base.resolve(new URI(location)).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw badUrl(location);
        }
    }

    /** The body, written to a new file as it arrives; the file is deleted if it turns out too large. */
    private Path body(HttpEntity entity, long maxBytes) throws IOException {
        Path file = incoming.newFile();
        boolean whole = false;
        try {
            if (entity != null) {
                long size = 0;
                byte[] buffer = new byte[64 * 1024];
                try (InputStream in = entity.getContent(); OutputStream out = Files.newOutputStream(file)) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        size += n;
                        if (size > maxBytes) {
                            throw IntakeRejection.tooLarge(maxBytes);
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
            whole = true;
            return file;
        } finally {
            if (!whole) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static String fileNameOf(URI uri) {
        String path = uri.getRawPath();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? null : URLDecoder.decode(last, StandardCharsets.UTF_8);
    }

    private static IntakeRejection badUrl(String url) {
        return new IntakeRejection("BAD_URL", "文件地址无效，只接受http或https地址：" + url, 400);
    }

    private static IntakeRejection failed(String why) {
        return new IntakeRejection("FETCH_FAILED", "无法获取文件：" + why, 422);
    }

    @Override
    public void destroy() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }
}
