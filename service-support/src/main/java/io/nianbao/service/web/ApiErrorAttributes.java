package io.nianbao.service.web;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.context.request.WebRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of the servlet container's error page (a refusal raised outside the controllers: a
 * filter's, Spring Security's 401, a request Tomcat could not parse) as an {@link ApiError}.
 */
public class ApiErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Object status = super.getErrorAttributes(request, ErrorAttributeOptions.defaults()).get("status");
        HttpStatusCode code = HttpStatusCode.valueOf(status instanceof Integer s ? s : 500);
        Map<String, Object> error = new LinkedHashMap<>();
        ApiError answer = ErrorReasons.of(code);
        error.put("reason", answer.reason());
        error.put("message", answer.message());
        return error;
    }
}
