package io.nianbao.watch;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.ColumnProblem;
import io.nianbao.events.ColumnStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnHealthTest {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
    private static final WatchProperties.Column COLUMN = new WatchProperties.Column("pingtan-nb", "pingtan", "平潭综合实验区",
            AgencyLevel.GOVERNMENT, "350128", "https://www.pingtan.gov.cn/nb/index.htm", WatchProperties.Cms.TRS, null, null,
            1, Duration.ofHours(6), List.of());
    private static final CheckOutcome NO_LINKS = CheckOutcome.noLinks("dd a[href]", COLUMN.listingUrl());

    private final ColumnHealth health = new ColumnHealth(Duration.ofHours(1));

    @Test
    void aColumnIsFailingOnceItFailedForTheConfiguredTimeAndToldOnce() {
        assertThat(health.after(COLUMN, NO_LINKS, T0)).isEmpty();
        assertThat(health.after(COLUMN, NO_LINKS, T0.plusSeconds(1800))).isEmpty();
        assertThat(health.isFailing(COLUMN.id())).isFalse();

        ColumnStatus told = health.after(COLUMN, NO_LINKS, T0.plusSeconds(3600)).orElseThrow();
        assertThat(told.getFailing()).isTrue();
        assertThat(told.getProblem()).isEqualTo(ColumnProblem.NO_LINKS);
        assertThat(told.getSelector()).isEqualTo("dd a[href]");
        assertThat(told.getFailingSince()).isEqualTo(T0);
        assertThat(health.isFailing(COLUMN.id())).isTrue();
        assertThat(health.after(COLUMN, NO_LINKS, T0.plusSeconds(7200))).as("told already").isEmpty();

        ColumnStatus changed = health.after(COLUMN, CheckOutcome.httpStatus(503, COLUMN.listingUrl()), T0.plusSeconds(9000)).orElseThrow();
        assertThat(changed.getHttpStatus()).isEqualTo(503);
        assertThat(changed.getFailingSince()).as("failing since the first failure").isEqualTo(T0);

        ColumnStatus recovered = health.after(COLUMN, CheckOutcome.READ, T0.plusSeconds(10000)).orElseThrow();
        assertThat(recovered.getFailing()).isFalse();
        assertThat(health.isFailing(COLUMN.id())).isFalse();
    }

    @Test
    void missingReportsAreToldWhenTheirSetChangesAndKeptThroughWhatACheckCannotTell() {
        String gone = "https://www.pingtan.gov.cn/nb/202603/t1.htm";
        String other = "https://www.pingtan.gov.cn/nb/202503/t2.htm";
        assertThat(health.after(COLUMN, read(Set.of(), Set.of()), T0)).as("none missing, none before").isEmpty();

        ColumnStatus told = health.after(COLUMN, read(Set.of(gone, other), Set.of()), T0.plusSeconds(60)).orElseThrow();
        assertThat(told.getFailing()).isFalse();
        assertThat(told.getMissingReports()).containsExactly(other, gone);
        assertThat(told.getDetail()).contains("2篇");
        assertThat(health.after(COLUMN, read(Set.of(other, gone), Set.of()), T0.plusSeconds(120))).as("the same set").isEmpty();
        assertThat(health.after(COLUMN, read(Set.of(gone), Set.of(other)), T0.plusSeconds(180)))
                .as("a link the check could not tell of stays missing").isEmpty();

        assertThat(health.after(COLUMN, NO_LINKS, T0.plusSeconds(200))).isEmpty();
        ColumnStatus failing = health.after(COLUMN, NO_LINKS, T0.plusSeconds(3800)).orElseThrow();
        assertThat(failing.getMissingReports()).as("a failing column keeps what was known").containsExactly(other, gone);

        ColumnStatus recovered = health.after(COLUMN, read(Set.of(gone), Set.of()), T0.plusSeconds(3900)).orElseThrow();
        assertThat(recovered.getFailing()).isFalse();
        assertThat(recovered.getMissingReports()).containsExactly(gone);
        assertThat(health.after(COLUMN, read(Set.of(), Set.of()), T0.plusSeconds(4000)).orElseThrow().getMissingReports()).isEmpty();
    }

    private static CheckOutcome read(Set<String> missing, Set<String> untold) {
        return CheckOutcome.read(new CheckOutcome.ReportPages(missing, untold));
    }

    @Test
    void aShortFailureIsNeverTold() {
        assertThat(health.after(COLUMN, NO_LINKS, T0)).isEmpty();
        assertThat(health.after(COLUMN, CheckOutcome.READ, T0.plusSeconds(60))).isEmpty();
        assertThat(health.after(COLUMN, NO_LINKS, T0.plusSeconds(3700))).as("a new failure starts the clock again").isEmpty();
    }
}
