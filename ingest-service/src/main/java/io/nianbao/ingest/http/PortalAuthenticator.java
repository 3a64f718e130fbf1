package io.nianbao.ingest.http;

import io.nianbao.ingest.Digests;
import io.nianbao.ingest.IngestProperties;
import io.nianbao.ingest.Portal;
import io.nianbao.ingest.intake.IntakeRejection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who is calling: a portal sends its API key ({@value #API_KEY}), or signs the request with its
 * HMAC secret: {@value #SIGNATURE} = hex HMAC-SHA256 over
 * {@code METHOD \n PATH \n TIMESTAMP \n hex(SHA-256(body))}, with {@value #PORTAL} and
 * {@value #TIMESTAMP} (epoch seconds, within the signature window). Runs before the handler, so an
 * unauthenticated caller learns nothing else and writes nothing to any topic.
 */
@Component
public class PortalAuthenticator implements HandlerInterceptor {

    public static final String API_KEY = "X-Api-Key";
    public static final String PORTAL = "X-Portal-Id";
    public static final String TIMESTAMP = "X-Timestamp";
    public static final String SIGNATURE = "X-Signature";
    /** Request attribute holding the authenticated {@link Portal}. */
    public static final String AUTHENTICATED = "nianbao.portal";

    private static final Logger log = LoggerFactory.getLogger(PortalAuthenticator.class);

    private final Map<String, Portal> byKeyHash;
    private final Map<String, Portal> byId;
    private final Duration window;

    public PortalAuthenticator(IngestProperties properties) {
        this.byKeyHash = properties.portals().stream().filter(p -> p.keySha256() != null)
                .collect(Collectors.toMap(p -> p.keySha256().toLowerCase(), Function.identity()));
        this.byId = properties.portals().stream().collect(Collectors.toMap(Portal::id, Function.identity()));
        this.window = properties.signatureWindow();
    }

    /** A registered, unrevoked portal by id: for report.published, whose producers the broker authenticates. */
    public Optional<Portal> byId(String portalId) {
        return Optional.ofNullable(portalId).map(byId::get).filter(p -> !p.revoked());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(AUTHENTICATED, authenticate(request));
        return true;
    }

    Portal authenticate(HttpServletRequest request) {
        String key = request.getHeader(API_KEY);
        Portal portal = key != null ? byKeyHash.get(Digests.sha256Hex(key.getBytes(StandardCharsets.UTF_8)))
                : request.getHeader(SIGNATURE) != null ? signedBy(request) : null;
        if (portal == null || portal.revoked()) {
            log.info("refused {} {}: {}", request.getMethod(), request.getRequestURI(),
                    portal == null ? "no valid credentials" : "portal " + portal.id() + " is revoked");
            throw new IntakeRejection("UNAUTHENTICATED", "门户身份验证失败：API密钥无效、已停用或签名不正确", 401);
        }
        return portal;
    }

    private Portal signedBy(HttpServletRequest request) {
        Portal portal = byId.get(String.valueOf(request.getHeader(PORTAL)));
        if (portal == null || portal.hmacSecret() == null || !fresh(request.getHeader(TIMESTAMP))) {
            return null;
        }
        String signed = request.getMethod() + "\n" + request.getRequestURI() + "\n" + request.getHeader(TIMESTAMP)
                + "\n" + SpooledBody.sha256Of(request);
        byte[] expected = hmacSha256(portal.hmacSecret(), signed);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(request.getHeader(SIGNATURE).trim());
        } catch (IllegalArgumentException notHex) {
            return null;
        }
        return MessageDigest.isEqual(expected, given) ? portal : null;
    }

    private boolean fresh(String timestamp) {
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp));
            return Duration.between(at, Instant.now()).abs().compareTo(window) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The signature a portal sends: also what clients and tests compute. */
    public static byte[] hmacSha256(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
