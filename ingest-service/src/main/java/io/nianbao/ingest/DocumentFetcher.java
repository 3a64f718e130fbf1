package io.nianbao.ingest;

import io.nianbao.service.DocumentMemory;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Fetches a document a portal points to, without letting the URL reach inside our network:
 * http(s) only, hosts on the portal's allowlist only, and connections only to addresses
 * {@link AddressPolicy} permits. The check sits in the client's DNS resolver, so the address
 * checked is the address connected to (no rebinding between check and connect). Redirects are
 * followed by hand and each hop is checked again; time and size are bounded.
 */
@Component
public class DocumentFetcher implements DisposableBean {

    /**
     * A document, the name its URL gives it, and the share of the service's {@link DocumentMemory}
     * it holds until closed.
     */
    public record Fetched(byte[] bytes, String fileName, DocumentMemory.Hold hold) implements AutoCloseable {

        /** A document that was in memory before its size was known (an upload): it holds no share. */
        public Fetched(byte[] bytes, String fileName) {
            this(bytes, fileName, DocumentMemory.Hold.NONE);
        }

        @Override
        public void close() {
            hold.close();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DocumentFetcher.class);

    private final IngestProperties.Fetch settings;
    private final DocumentMemory memory;
    private final CloseableHttpClient http;

    public DocumentFetcher(IngestProperties properties, DocumentMemory memory) {
        this.settings = properties.fetch();
        this.memory = memory;
        AddressPolicy policy = new AddressPolicy(settings.allowLoopback());
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout read = Timeout.of(settings.timeout());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckingResolver(policy))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect).setSocketTimeout(read).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false).setResponseTimeout(read).build())
                .disableContentCompression() // no transparent gunzip: the size limit counts what arrives
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("nianbao-ingest")
                .build();
    }

    /**
     * The document at {@code url}, at most {@code maxBytes} long; its download waits for its size
     * (the largest allowed, when the server does not say) to fit in the document memory.
     */
    public Fetched fetch(String url, Portal portal, long maxBytes) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        URI uri = checked(url, portal);
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            HttpGet get = new HttpGet(uri);
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
                long announced = entity == null ? 0 : entity.getContentLength();
                if (announced > maxBytes) {
                    throw IntakeRejection.tooLarge(maxBytes);
                }
                DocumentMemory.Hold hold = memory.hold(announced < 0 ? maxBytes : announced);
                try {
                    return new Fetched(body(entity, maxBytes, deadline), fileNameOf(uri), hold);
                } catch (IOException | RuntimeException e) {
                    hold.close();
                    throw e;
                }
            } catch (ForbiddenAddress e) {
                throw new IntakeRejection("ADDRESS_NOT_ALLOWED",
                        "文件地址解析到内部或保留网络地址（" + e.getMessage() + "），不予访问", 403);
            } catch (IOException e) {
                log.info("fetching {} for portal {} failed: {}", uri, portal.id(), e.toString());
                throw failed(e instanceof UnknownHostException ? "无法解析域名" + uri.getHost()
                        : "连接或读取失败（" + e.getClass().getSimpleName() + "）");
            }
        }
        throw failed("重定向次数超过" + settings.maxRedirects() + "次");
    }

    private static URI checked(String url, Portal portal) {
        URI uri;
        try {
            uri = new URI(url).normalize();
        } catch (URISyntaxException e) {
            throw badUrl(url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
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

    private static byte[] body(HttpEntity entity, long maxBytes, long deadline) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = entity.getContent()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw IntakeRejection.tooLarge(maxBytes);
                }
                if (System.nanoTime() > deadline) {
                    throw failed("下载超时");
                }
            }
        }
        return out.toByteArray();
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
        http.close();
    }

    /** Resolves, then refuses the host if any of its addresses is not permitted. */
    private record CheckingResolver(AddressPolicy policy) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!policy.permits(address)) {
                    throw new ForbiddenAddress(host + " → " + address.getHostAddress());
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return host; // no reverse lookups
        }
    }

    /** An UnknownHostException so that it passes through the client's connect path unchanged. */
    private static final class ForbiddenAddress extends UnknownHostException {
        ForbiddenAddress(String message) {
            super(message);
        }
    }
}
