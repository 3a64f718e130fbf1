package io.nianbao.service.web;

import org.springframework.http.HttpStatusCode;

/** The answer to a bare HTTP status, for refusals that carry nothing else. */
final class ErrorReasons {

    private ErrorReasons() {
    }

    /** The reason code and Chinese message of a bare status. */
    static ApiError of(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> new ApiError("BAD_REQUEST", "请求格式不正确");
            case 401 -> new ApiError("UNAUTHENTICATED", "需要身份验证");
            case 403 -> new ApiError("FORBIDDEN", "无权访问");
            case 404 -> new ApiError("NOT_FOUND", "没有这个地址");
            case 405 -> new ApiError("METHOD_NOT_ALLOWED", "不支持该请求方法");
            case 406 -> new ApiError("NOT_ACCEPTABLE", "无法提供所要求的响应格式");
            case 408 -> new ApiError("REQUEST_TIMEOUT", "请求超时");
            case 413 -> new ApiError("TOO_LARGE", "请求过大");
            case 415 -> new ApiError("UNSUPPORTED_MEDIA_TYPE", "不支持的请求类型");
            case 503 -> new ApiError("UNAVAILABLE", "服务暂不可用，请稍后重试");
            default -> status.is5xxServerError() ? new ApiError("INTERNAL", "服务器内部错误，请稍后重试")
                    : new ApiError("BAD_REQUEST", "请求无法处理（HTTP " + status.value() + "）");
        };
    }
}
