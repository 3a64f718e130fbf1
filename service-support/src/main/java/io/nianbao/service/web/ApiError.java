package io.nianbao.service.web;

/**
 * The body of every refusal a nianbao service answers with, its own and Spring's: a reason code
 * for machines and a Chinese message for people. (ingest-service's answers add the report's
 * status to it.)
 *
 * @param reason  machine-readable, e.g. BAD_PARAMETER, MALFORMED_BODY, UNSUPPORTED_MEDIA_TYPE
 * @param message Chinese, saying what was wrong and, where it helps, what is expected
 */
public record ApiError(String reason, String message) {
}
