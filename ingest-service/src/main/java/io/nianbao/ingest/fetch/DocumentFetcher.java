package io.nianbao.ingest.fetch;

import io.nianbao.core.extract.DocumentType;
import io.nianbao.core.extract.ReadingLimits;
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
import io.nianbao.service.DocumentMemory;
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
import java.util.HashMap;
import java.util.Map;
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
    private final DocumentMemory memory;
    private final CloseableHttpClient http;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("fetch-deadlines").daemon().factory());

    public DocumentFetcher(IngestProperties properties, Incoming incoming, OutboundHttp outbound, DocumentMemory memory) {
        this.settings = properties.fetch();
        this.incoming = incoming;
        this.memory = memory;
        this.outbound = outbound;
        this.http = outbound.client(settings.connectTimeout(), settings.timeout());
    }

    /**
     * The document at {@code url}, at most {@code maxBytes} long, in a file deleted when it is
     * closed; an HTML page with the images of its tables put in ({@link #withTableImages}).
     */
    public ReceivedDocument fetch(String url, Portal portal, long maxBytes) {
        Download page = download(checked(url, portal), portal, maxBytes, System.nanoTime() + settings.timeout().toNanos());
        boolean done = false;
        try {
            ReceivedDocument document = ReceivedDocument.onDisk(withTableImages(page, portal), fileNameOf(page.uri()), true);
            done = true;
            return document;
        } catch (IOException e) {
            log.warn("the page {} fetched for portal {} could not be read back: {}", page.uri(), portal.id(), e.toString());
            throw failed("下载的文件无法读取（" + e.getClass().getSimpleName() + "）");
        } finally {
            if (!done) {
                deleteQuietly(page.file());
            }
        }
    }

    /** A body written to a file, and the URL it came from after redirects. */
    private record Download(Path file, URI uri) {
    }

    /** The body at {@code uri}, following redirects (each checked again), all by {@code deadline} ({@link System#nanoTime()}). */
    private Download download(URI uri, Portal portal, long maxBytes, long deadline) {
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
                return new Download(body(entity, maxBytes), uri);
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

    /**
     * The page's file, or for an HTML page whose tables show images, a new file of the page with
     * those images put in as data: URIs ({@link TableImages}), so that parse and OCR need no
     * network. Each image is fetched as the page was (the portal's hosts, the address policy,
     * redirects checked), at most {@code maxTableImages} of them, their bytes within
     * {@code maxTableImageBytes} together and within what keeps the page readable
     * ({@link ReadingLimits#MAX_HTML_BYTES}), all within one more fetch timeout. An image that
     * cannot be fetched is logged and left as a link.
     */
    private Path withTableImages(Download page, Portal portal) throws IOException {
        long size = Files.size(page.file());
        if (size > ReadingLimits.MAX_HTML_BYTES) {
            return page.file();
        }
        try (DocumentMemory.Hold held = memory.hold(ReadingLimits.heapToRead(DocumentType.HTML, size)
                + settings.maxTableImageBytes().toBytes())) {
            byte[] bytes = Files.readAllBytes(page.file());
            if (DocumentType.detect(bytes) != DocumentType.HTML) {
                return page.file();
            }
            TableImages images = TableImages.of(bytes, page.uri(), settings.maxTableImages());
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            long bytesLeft = settings.maxTableImageBytes().toBytes();
            long charsLeft = ReadingLimits.MAX_HTML_BYTES - images.storedLength();
            Map<URI, TableImages.Image> fetched = new HashMap<>();
            for (URI url : images.urls()) {
                long uses = images.uses(url);
                // Base64 takes four characters for three bytes, and each use of the image its own copy.
                long fits = Math.min(bytesLeft, (charsLeft / uses - 64) / 4 * 3);
                TableImages.Image image = tableImage(url, portal, fits, deadline);
                if (image != null) {
                    fetched.put(url, image);
                    bytesLeft -= image.bytes().length;
                    charsLeft -= uses * image.inlinedLength();
                }
            }
            if (fetched.isEmpty()) {
                return page.file();
            }
            Path inlined = incoming.newFile();
            Files.write(inlined, images.inlined(fetched));
            Files.delete(page.file());
            log.info("put {} of {} table images into the page {} for portal {}", fetched.size(), images.urls().size(), page.uri(), portal.id());
            return inlined;
        }
    }

    /** The image at {@code url} if it may be fetched and is one (PNG, JPEG, TIFF) of at most {@code maxBytes}; null, logged, if not. */
    private TableImages.Image tableImage(URI url, Portal portal, long maxBytes, long deadline) {
        if (maxBytes <= 0) {
            log.info("table image {} of a page for portal {} not fetched: no bytes left for it", url, portal.id());
            return null;
        }
        try {
            Path file = download(checked(url.toString(), portal), portal, maxBytes, deadline).file();
            try {
                byte[] bytes = Files.readAllBytes(file);
                String mediaType = DocumentType.detect(bytes) == DocumentType.IMAGE ? DocumentType.mediaTypeOf(bytes) : null;
                if (mediaType == null) {
                    log.info("table image {} of a page for portal {} left out: not a PNG, JPEG or TIFF image", url, portal.id());
                    return null;
                }
                return new TableImages.Image(mediaType, bytes);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IntakeRejection refused) {
            log.info("table image {} of a page for portal {} not fetched: {} ({})", url, portal.id(),
                    refused.rejected().reason(), refused.rejected().message());
            return null;
        } catch (IOException e) {
            log.info("table image {} of a page for portal {} not read: {}", url, portal.id(), e.toString());
            return null;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.toString());
        }
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
