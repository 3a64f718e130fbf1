package io.nianbao.ingest.http;

import io.nianbao.ingest.Digests;
import io.nianbao.ingest.Incoming;
import io.nianbao.ingest.IngestProperties;
import io.nianbao.ingest.intake.IntakeResult;
import io.nianbao.service.DocumentMemory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Writes a POST body to a file of its request's own ({@link Incoming}) as it arrives, hashing it
 * on the way (a signed request's signature covers the body's SHA-256), and hands the request on
 * with the body served from that file: uploads are parsed from it ({@link SpooledMultipartResolver}),
 * and a slow or large body holds no memory while it comes. Bounded in size (413 beyond
 * {@code max-request-size}, {@code max-json-size} for JSON) and in time (408 when the whole body
 * has not come within {@code body-timeout}). A JSON body holds four times its size of the
 * {@link DocumentMemory} while it is handled: Jackson reads a string value whole, into char
 * buffers, then a String, then the document's bytes.
 */
public final class SpooledBody extends OncePerRequestFilter {

    private static final String DIRECTORY = "nianbao.body.directory";
    private static final String SHA256 = "nianbao.body.sha256";
    private static final String BODY_FILE = "body";
    /** What a JSON body costs in the heap while it is bound, per byte. */
    static final int JSON_HEAP_FACTOR = 4;

    private final IngestProperties limits;
    private final Incoming incoming;
    private final DocumentMemory memory;
    private final JsonMapper json;

    public SpooledBody(IngestProperties limits, Incoming incoming, DocumentMemory memory, JsonMapper json) {
        this.limits = limits;
        this.incoming = incoming;
        this.memory = memory;
        this.json = json;
    }

    /** The directory the request's body and parts are spooled to. */
    static Path directoryOf(HttpServletRequest request) {
        return (Path) request.getAttribute(DIRECTORY);
    }

    /** Hex SHA-256 of the body as it came; of nothing for requests without one. */
    static String sha256Of(HttpServletRequest request) {
        return request.getAttribute(SHA256) instanceof String sha256 ? sha256 : Digests.sha256Hex(new byte[0]);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean isJson = request.getContentType() != null
                && request.getContentType().toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_JSON_VALUE);
        long limit = (isJson ? limits.maxJsonSize() : limits.maxRequestSize()).toBytes();
        if (request.getContentLengthLong() > limit) {
            refuse(response, tooLarge(limit));
            return;
        }
        Path directory = incoming.newDirectory();
        try {
            Path body = directory.resolve(BODY_FILE);
            IntakeResult.Rejected refused = spool(request, body, limit);
            if (refused != null) {
                refuse(response, refused);
                return;
            }
            request.setAttribute(DIRECTORY, directory);
            long size = Files.size(body);
            try (DocumentMemory.Hold held = isJson ? memory.hold(JSON_HEAP_FACTOR * size) : DocumentMemory.Hold.NONE) {
                chain.doFilter(new Spooled(request, body, size), response);
            }
        } finally {
            incoming.delete(directory);
        }
    }

    /** Copies the body to {@code file}; the refusal when it is too large or too slow, else null. */
    private IntakeResult.Rejected spool(HttpServletRequest request, Path file, long limit) throws IOException {
        MessageDigest sha256 = sha256();
        Duration timeout = limits.bodyTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = request.getInputStream();
             OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                size += n;
                if (size > limit) {
                    return tooLarge(limit);
                }
                if (System.nanoTime() - deadline > 0) {
                    return new IntakeResult.Rejected("BODY_TIMEOUT",
                            "请求体未在%d秒内传完，已中止接收".formatted(timeout.toSeconds()), 408);
                }
                out.write(buffer, 0, n);
            }
        }
        request.setAttribute(SHA256, HexFormat.of().formatHex(sha256.digest()));
        return null;
    }

    private static IntakeResult.Rejected tooLarge(long limit) {
        return new IntakeResult.Rejected("TOO_LARGE", "请求过大，上限为%d字节".formatted(limit), 413);
    }

    private void refuse(HttpServletResponse response, IntakeResult.Rejected refused) throws IOException {
        response.setStatus(refused.httpStatus());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        // The rest of the body is not read: the connection closes rather than take it.
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), ReportsController.Answer.of(refused));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The request with its body served from the spooled file. */
    private static final class Spooled extends HttpServletRequestWrapper {
        private final Path body;
        private final long size;

        Spooled(HttpServletRequest request, Path body, long size) {
            super(request);
            this.body = body;
            this.size = size;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            InputStream in = Files.newInputStream(body);
            return new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    finished = b < 0;
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = in.read(b, off, len);
                    finished = n < 0;
                    return n;
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already spooled");
                }
            };
        }

        @Override
        public int getContentLength() {
            return (int) Math.min(size, Integer.MAX_VALUE);
        }

        @Override
        public long getContentLengthLong() {
            return size;
        }
    }
}
