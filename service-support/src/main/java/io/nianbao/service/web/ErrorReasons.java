package io.nianbao.service.web;

import org.springframework.http.HttpStatusCode;

/** The reason code and Chinese message of a bare HTTP status, for refusals that carry nothing else. */
final class ErrorReasons {

    private ErrorReasons() {
    }

    static String reasonOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 408 -> "REQUEST_TIMEOUT";
            case 413 -> "TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 503 -> "UNAVAILABLE";
            default -> status.is5xxServerError() ? "INTERNAL" : "BAD_REQUEST";
        };
    }

    static String messageOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "请求格式不正确";
            case 401 -> "需要身份验证";
            case 403 -> "无权访问";
            case 404 -> "没有这个地址";
            case 405 -> "不支持该请求方法";
            case 406 -> "无法提供所要求的响应格式";
            case 408 -> "请求超时";
            case 413 -> "请求过大";
            case 415 -> "不支持的请求类型";
            case 503 -> "服务暂不可用，请稍后重试";
            default -> status.is5xxServerError() ? "服务器内部错误，请稍后重试" : "请求无法处理（HTTP " + status.value() + "）";
        };
    }
}
