package io.nianbao.service.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** What every service's HTTP side shares: one error body, and who may use the actuator. */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ApiErrors.class)
public class WebSupportConfiguration {

    @Bean
    ErrorAttributes errorAttributes() {
        return new ApiErrorAttributes();
    }

    /** After Spring Security's filters (order -100), so that its request wrapper does not hide the operator. */
    @Bean
    FilterRegistrationBean<ActuatorAccess> actuatorAccess(@Value("${nianbao.operator-token:}") String token) {
        FilterRegistrationBean<ActuatorAccess> registration = new FilterRegistrationBean<>(new ActuatorAccess(token));
        registration.addUrlPatterns("/actuator", "/actuator/*");
        registration.setOrder(0);
        return registration;
    }
}
