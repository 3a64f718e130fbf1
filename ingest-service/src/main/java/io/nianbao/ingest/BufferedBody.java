package io.nianbao.ingest;

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

/**
 * Reads a POST body once, up to the request limit, and hands the request on with the bytes: the
 * signature check needs the exact body, and {@link BufferedMultipartResolver} parses uploads from
 * the same bytes (the servlet container would otherwise read the stream itself).
 */
final class BufferedBody extends OncePerRequestFilter {

    private static final String ATTRIBUTE = "nianbao.body";
    private static final byte[] NONE = new byte[0];

    private final long limit;
    private final JsonMapper json;

    BufferedBody(long limit, JsonMapper json) {
        this.limit = limit;
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
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = request.getContentLengthLong() > limit ? null : in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        }
        if (body == null || body.length > limit) {
            IntakeResult.Rejected tooLarge = new IntakeResult.Rejected("TOO_LARGE", "请求过大，上限为%d字节".formatted(limit), 413);
            response.setStatus(tooLarge.httpStatus());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), ReportsController.Answer.of(tooLarge));
            return;
        }
        request.setAttribute(ATTRIBUTE, body);
        chain.doFilter(new Replayed(request, body), response);
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
