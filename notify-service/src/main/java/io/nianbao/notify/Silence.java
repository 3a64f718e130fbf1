package io.nianbao.notify;

/** An inspector no longer wants a rule's findings about one agency. */
public record Silence(String inspector, String agencyId, String ruleId) {
}
