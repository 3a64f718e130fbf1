package io.nianbao.service.web;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Who gets what of /actuator: the filter alone, with requests from this host and from another. */
class ActuatorAccessTest {

    private static final String TOKEN = "operators-token";
    private final ActuatorAccess access = new ActuatorAccess(TOKEN);

    /** The request the chain was handed, or null when the filter answered itself. */
    private record Outcome(HttpServletRequest passed, MockHttpServletResponse response) {
    }

    private Outcome get(String path, String remoteAddress, String authorization) throws Exception {
        return get(access, path, remoteAddress, authorization);
    }

    private static Outcome get(ActuatorAccess access, String path, String remoteAddress, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(remoteAddress);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        access.doFilter(request, response, chain);
        return new Outcome((HttpServletRequest) chain.getRequest(), response);
    }

    @Test
    void aCallerOnThisHostIsAnOperatorWithAPrincipalForTheHealthDetails() throws Exception {
        for (String local : new String[]{"127.0.0.1", "0:0:0:0:0:0:0:1"}) {
            Outcome outcome = get("/actuator/health/readiness", local, null);
            assertThat(outcome.passed().getUserPrincipal().getName()).isEqualTo(ActuatorAccess.OPERATOR);
            assertThat(outcome.passed().isUserInRole("ANY")).isTrue();
            assertThat(get("/actuator/bindings", local, null).passed()).isNotNull();
        }
    }

    @Test
    void aRemoteCallerGetsTheHealthStatusAndMetricsOnlyWithoutPrincipal() throws Exception {
        Outcome health = get("/actuator/health/readiness", "203.0.113.7", null);
        assertThat(health.passed()).isNotNull();
        assertThat(health.passed().getUserPrincipal()).isNull();
        assertThat(get("/actuator/prometheus", "203.0.113.7", null).passed()).isNotNull();

        for (String path : new String[]{"/actuator/bindings", "/actuator/metrics", "/actuator", "/actuator/info"}) {
            Outcome refused = get(path, "203.0.113.7", null);
            assertThat(refused.passed()).as(path).isNull();
            assertThat(refused.response().getStatus()).as(path).isEqualTo(403);
            assertThat(refused.response().getContentAsString(StandardCharsets.UTF_8))
                    .contains("\"reason\":\"FORBIDDEN\"").contains("运维接口仅限本机或持有运维令牌");
        }
    }

    @Test
    void aRemoteCallerWithTheOperatorsTokenIsAnOperatorAndAWrongTokenIsNot() throws Exception {
        assertThat(get("/actuator/bindings", "203.0.113.7", "Bearer " + TOKEN).passed().getUserPrincipal()).isNotNull();
        assertThat(get("/actuator/bindings", "203.0.113.7", "Bearer wrong").response().getStatus()).isEqualTo(403);
        // Without a configured token, no token is accepted, an empty one included.
        assertThat(get(new ActuatorAccess(""), "/actuator/bindings", "203.0.113.7", "Bearer ").response().getStatus()).isEqualTo(403);
    }

    @Test
    void pathsOutsideTheActuatorAreNotItsConcern() throws Exception {
        assertThat(get("/api/v1/reports", "203.0.113.7", null).passed()).isNotNull();
        assertThat(get("/actuatorx", "203.0.113.7", null).passed()).isNotNull();
    }
}
