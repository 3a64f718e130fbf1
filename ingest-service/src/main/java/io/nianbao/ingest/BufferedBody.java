package io.nianbao.ingest;

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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a POST body once, up to the request limit, and hands the request on with the bytes: the
 * signature check needs the exact body, and {@link BufferedMultipartResolver} parses uploads from
 * the same bytes (the servlet container would otherwise read the stream itself). A body larger
 * than a small one (an upload, a long text) holds its size of the {@link DocumentMemory} until the
 * request is done: concurrent uploads of large documents are read in turn, not all into the heap.
 */
final class BufferedBody extends OncePerRequestFilter {

    private static final String ATTRIBUTE = "nianbao.body";
    private static final byte[] NONE = new byte[0];
    /**
     * Bodies up to this size (a submission by URL, a short text) hold no share: so that the
     * document their URL names waits for memory like any other.
     */
    static final long SMALL_BODY = 64 * 1024;

    private final long limit;
    private final DocumentMemory memory;
    private final JsonMapper json;

    BufferedBody(long limit, DocumentMemory memory, JsonMapper json) {
        this.limit = limit;
        this.memory = memory;
        this.json = json;
    }

    /** The body read by this filter; empty for requests without one. */
    static byte[] of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof byte[] body ? body : NONE;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long announced = request.getContentLengthLong();
        if (announced > limit) {
            refuseTooLarge(response);
            return;
        }
        long expected = announced < 0 ? limit : announced;
        try (DocumentMemory.Hold held = expected > SMALL_BODY ? memory.hold(expected) : DocumentMemory.Hold.NONE) {
            byte[] body;
            try (InputStream in = request.getInputStream()) {
                body = announced < 0 ? in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8)) : readExactly(in, (int) announced);
            }
            if (body.length > limit) {
                refuseTooLarge(response);
                return;
            }
            request.setAttribute(ATTRIBUTE, body);
            chain.doFilter(new Replayed(request, body), response);
        }
    }

    /** The announced length read into one array (readNBytes(int) would gather it in pieces, then copy). */
    private static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        return read == length ? body : Arrays.copyOf(body, read);
    }

    private void refuseTooLarge(HttpServletResponse response) throws IOException {
        IntakeResult.Rejected tooLarge = new IntakeResult.Rejected("TOO_LARGE", "请求过大，上限为%d字节".formatted(limit), 413);
        response.setStatus(tooLarge.httpStatus());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ReportsController.Answer.of(tooLarge));
    }

    /** The request with its body served from memory. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
