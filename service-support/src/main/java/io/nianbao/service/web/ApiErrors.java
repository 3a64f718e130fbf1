package io.nianbao.service.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Spring's own refusals (a parameter that does not convert, a body that is not JSON, a media type
 * or method not served, a missing part, an unknown path) in the API's language: an
 * {@link ApiError} with a reason code and a Chinese message, instead of Spring's English
 * defaults. A controller's own handlers come first.
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        HttpHeaders answer = new HttpHeaders();
        answer.addAll(headers);
        answer.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(errorOf(e, status), answer, status);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> malformedUpload(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            return answer(HttpStatus.PAYLOAD_TOO_LARGE, new ApiError("TOO_LARGE",
                    "上传内容过大，单项上限为" + tooLarge.getMaxUploadSize() + "字节"));
        }
        return answer(HttpStatus.BAD_REQUEST, new ApiError("MALFORMED_BODY", "上传内容不是有效的multipart/form-data格式"));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ApiError> refused(ResponseStatusException e) {
        ApiError bare = ErrorReasons.of(e.getStatusCode());
        return answer(e.getStatusCode(), e.getReason() != null ? new ApiError(bare.reason(), e.getReason()) : bare);
    }

    /** What no handler expected: logged with its trace, answered without it. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("request failed", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, ErrorReasons.of(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    private static ResponseEntity<ApiError> answer(HttpStatusCode status, ApiError error) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(error);
    }

    static ApiError errorOf(Exception e, HttpStatusCode status) {
        return switch (e) {
            case TypeMismatchException mismatch -> new ApiError("BAD_PARAMETER",
                    "参数" + mismatch.getPropertyName() + "的值“" + mismatch.getValue() + "”无效" + expected(mismatch.getRequiredType()));
            case HttpMessageNotReadableException unreadable -> unreadable(unreadable);
            case HttpMediaTypeNotSupportedException unsupported -> new ApiError("UNSUPPORTED_MEDIA_TYPE",
                    "不支持的请求类型" + (unsupported.getContentType() == null ? "" : "（" + unsupported.getContentType() + "）")
                            + "，请使用：" + unsupported.getSupportedMediaTypes().stream().map(MediaType::toString)
                            .collect(Collectors.joining("、")));
            case HttpRequestMethodNotSupportedException method -> new ApiError("METHOD_NOT_ALLOWED",
                    "不支持的请求方法" + method.getMethod());
            case MissingServletRequestParameterException missing -> new ApiError("MISSING_FIELD",
                    "缺少必填项：" + missing.getParameterName());
            case MissingServletRequestPartException missing -> new ApiError("MISSING_FIELD",
                    "缺少必填项：" + missing.getRequestPartName());
            case NoResourceFoundException notFound -> new ApiError("NOT_FOUND", "没有这个地址：/" + notFound.getResourcePath());
            default -> ErrorReasons.of(status);
        };
    }

    /** A JSON body that does not parse, or a field of it that does not convert. */
    private static ApiError unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            String field = invalid.getPath().getLast().getPropertyName();
            return new ApiError("BAD_PARAMETER", "字段" + field + "的值“" + invalid.getValue() + "”无效" + expected(invalid.getTargetType()));
        }
        if (e.getCause() instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            return new ApiError("BAD_PARAMETER", "字段" + bind.getPath().getLast().getPropertyName() + "的值类型不对");
        }
        return new ApiError("MALFORMED_BODY", "请求体不是有效的JSON");
    }

    /** What a value of the type looks like, for the message: the constants of an enum, an integer. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type.isEnum()) {
            return "，应为：" + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining("、"));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "，应为整数";
        }
        return "";
    }
}
