package io.nianbao.watch;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.ColumnProblem;
import io.nianbao.events.ColumnStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
    void aShortFailureIsNeverTold() {
        assertThat(health.after(COLUMN, NO_LINKS, T0)).isEmpty();
        assertThat(health.after(COLUMN, CheckOutcome.READ, T0.plusSeconds(60))).isEmpty();
        assertThat(health.after(COLUMN, NO_LINKS, T0.plusSeconds(3700))).as("a new failure starts the clock again").isEmpty();
    }
}
