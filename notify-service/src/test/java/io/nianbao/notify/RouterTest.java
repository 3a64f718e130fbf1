package io.nianbao.notify;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Channel;
import io.nianbao.events.Responsibility;
import io.nianbao.events.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterTest {

    private static final Inhibition UNREADABLE_TABLE = new Inhibition(List.of("TBL-SHAPE", "TBL-MISSING"),
            List.of("T3-*", "T4-*", "TXT-*"), List.of("table"));
    private static final ReportInfo REPORT = new ReportInfo("r-1", "agency-1", "某县人民政府", AgencyLevel.GOVERNMENT,
            "320102", 2024, "2025-03-01", null, null);
    private static final Subscription EVERYTHING = new Subscription(1L, "i@example.org", null, null, null, null,
            Severity.INFO, Channel.EMAIL, null, false, null);

    private static StoredFinding finding(String rule, String location) {
        return new StoredFinding(rule + "@" + location, rule, Severity.ERROR, Responsibility.AGENCY, location, null, null,
                rule + "：" + location, null);
    }

    @Test
    void aTableThatCouldNotBeReadIsOneMessageAndTheFindingsOnItAreForTheInboxOnly() {
        StoredFinding shape = finding("TBL-SHAPE", "三.newReceived");
        StoredFinding balance = finding("T3-BALANCE", "三.totalHandled.total");
        StoredFinding prose = finding("TXT-T3-MISMATCH", "三");
        StoredFinding review = finding("T4-SUM", "四.review.total");
        StoredFinding thin = finding("TXT-THIN", "五");

        Router.Routed routed = new Router(List.of(), Severity.WARNING, List.of(UNREADABLE_TABLE))
                .route(REPORT, List.of(shape, balance, prose, review, thin), List.of(EVERYTHING), Set.of())
                .get(EVERYTHING.target());

        assertThat(routed.immediate()).containsExactly(shape, review, thin);
        assertThat(routed.inhibited()).containsExactly(balance, prose);
        assertThat(routed.digest()).isEmpty();
    }

    @Test
    void withoutItsSourceNothingIsInhibited() {
        StoredFinding balance = finding("T3-BALANCE", "三.totalHandled.total");

        Router.Routed routed = new Router(List.of(), Severity.WARNING, List.of(UNREADABLE_TABLE))
                .route(REPORT, List.of(balance), List.of(EVERYTHING), Set.of()).get(EVERYTHING.target());

        assertThat(routed.immediate()).containsExactly(balance);
        assertThat(routed.inhibited()).isEmpty();
    }

    @Test
    void anInhibitionNamesRulesByIdOrPrefixAndComparesOnlyKnownLabels() {
        Inhibition severities = new Inhibition(List.of("PUB-MISSING"), List.of("PUB-LATE"), List.of("severity"));
        assertThat(severities.inhibits(finding("PUB-MISSING", "一"), finding("PUB-LATE", "二"))).isTrue();
        assertThat(severities.inhibits(finding("PUB-MISSING", "一"), finding("PUB-LATEST", "二"))).as("no prefix without *").isFalse();
        assertThat(UNREADABLE_TABLE.inhibits(finding("TBL-MISSING", "四"), finding("TXT-T4-MISMATCH", "四"))).isTrue();
        assertThat(UNREADABLE_TABLE.inhibits(finding("TBL-SHAPE", "三.x"), finding("TBL-MISSING", "三"))).as("a source is no target").isFalse();
        assertThatThrownBy(() -> new Inhibition(List.of("A"), List.of("B"), List.of("agency")))
                .hasMessageContaining("table, severity or responsibility");
    }
}
