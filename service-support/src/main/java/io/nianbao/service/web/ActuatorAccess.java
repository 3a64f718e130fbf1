package io.nianbao.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;

/**
 * Who may see what of {@code /actuator}: anyone the health status (UP or DOWN, for orchestrators
 * and load balancers) and the Prometheus metrics (scraped across the network); the health
 * details (which dependency is down, and why), the bindings (which a POST can stop) and the rest
 * only a caller on this host, or one that shows the operators' token
 * ({@code Authorization: Bearer <NIANBAO_OPERATOR_TOKEN>}; none is accepted when it is unset).
 * Such a caller is given a principal, so that {@code show-details: when-authorized} shows it the
 * health details; anyone else is refused with an {@link ApiError}.
 */
public final class ActuatorAccess extends OncePerRequestFilter {

    static final String OPERATOR = "nianbao-operator";
    private static final String PREFIX = "/actuator";

    private final byte[] token;
    private final JsonMapper json = JsonMapper.builder().build();

    /** @param token the operators' token; blank: only callers on this host are operators */
    public ActuatorAccess(String token) {
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isOperator(request)) {
            chain.doFilter(new Operator(request), response);
            return;
        }
        String path = request.getRequestURI();
        boolean open = "GET".equals(request.getMethod()) && (path.equals(PREFIX + "/health")
                || path.startsWith(PREFIX + "/health/") || path.equals(PREFIX + "/prometheus"));
        if (open) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(),
                new ApiError("FORBIDDEN", "运维接口仅限本机或持有运维令牌（NIANBAO_OPERATOR_TOKEN）的调用方访问"));
    }

    private boolean isOperator(HttpServletRequest request) {
        try {
            // The remote address is a literal: no lookup.
            if (InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
                return true;
            }
        } catch (UnknownHostException notALiteral) {
            // not an address this host could be
        }
        String authorization = request.getHeader("Authorization");
        return token != null && authorization != null && authorization.startsWith("Bearer ")
                && MessageDigest.isEqual(token, authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The request of an operator: a principal in every role, as far as the actuator asks. */
    private static final class Operator extends HttpServletRequestWrapper {
        private static final Principal PRINCIPAL = () -> OPERATOR;

        Operator(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return super.getUserPrincipal() != null ? super.getUserPrincipal() : PRINCIPAL;
        }

        @Override
        public boolean isUserInRole(String role) {
            return true;
        }
    }
}
