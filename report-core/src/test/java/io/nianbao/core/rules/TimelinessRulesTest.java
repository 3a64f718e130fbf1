package io.nianbao.core.rules;

import io.nianbao.core.model.AgencyLevel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** PUB-LATE and PUB-MISSING. */
class TimelinessRulesTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DeadlinePolicy REGIONS = new DeadlinePolicy(Map.of("大竹县", MonthDay.of(2, 20)), MonthDay.of(3, 31));

    private static RuleContext published(AgencyLevel level, LocalDate on, String region) {
        return ReportBuilder.valid().meta("某机关", level, 2023, on).context().withRegion(region, REGIONS);
    }

    @Nested
    class PubLateTest {
        @Test
        void firesForADepartmentAfter31January() {
            assertThat(new PubLate().check(published(AgencyLevel.DEPARTMENT, LocalDate.of(2024, 2, 1), null)))
                    .singleElement().satisfies(x -> assertThat(x.message()).contains("2024年2月1日", "2024年1月31日"));
        }

        @Test
        void firesForATownshipAfterItsRegionsDeadline() {
            assertThat(new PubLate().check(published(AgencyLevel.TOWNSHIP, LocalDate.of(2024, 2, 21), "大竹县"))).hasSize(1);
        }

        @Test
        void silentOnTimeOrWhenTheDateIsUnknown() {
            assertThat(new PubLate().check(published(AgencyLevel.DEPARTMENT, LocalDate.of(2024, 1, 31), null))).isEmpty();
            assertThat(new PubLate().check(published(AgencyLevel.GOVERNMENT, LocalDate.of(2024, 3, 31), null))).isEmpty();
            assertThat(new PubLate().check(published(AgencyLevel.TOWNSHIP, LocalDate.of(2024, 3, 1), "别的县"))).isEmpty();
            assertThat(new PubLate().check(published(AgencyLevel.DEPARTMENT, null, null))).isEmpty();
        }
    }

    @Nested
    class PubMissingTest {
        private final PubMissing rule = new PubMissing(REGIONS);
        private final RosterEntry office = new RosterEntry("某县人民政府办公室", AgencyLevel.DEPARTMENT, "某县", null);

        private Clock on(int year, int month, int day) {
            return Clock.fixed(LocalDate.of(year, month, day).atStartOfDay(BEIJING).toInstant(), BEIJING);
        }

        @Test
        void firesOnceTheDeadlineHasPassedWithoutAReport() {
            var f = rule.check(office, 2023, Set.of(new ReportKey("某县人民政府办公室", 2022)), on(2024, 2, 1));
            assertThat(f).hasValueSatisfying(x -> {
                assertThat(x.rule()).isEqualTo("PUB-MISSING");
                assertThat(x.message()).contains("某县人民政府办公室", "2023年");
            });
        }

        @Test
        void silentBeforeTheDeadlineOrWhenTheReportWasSeen() {
            assertThat(rule.check(office, 2023, Set.of(), on(2024, 1, 31))).isEmpty();
            assertThat(rule.check(office, 2023, Set.of(new ReportKey("某县人民政府办公室", 2023)), on(2024, 6, 1))).isEmpty();
        }

        @Test
        void isDeterministic() {
            Clock clock = Clock.fixed(Instant.parse("2024-04-02T00:00:00Z"), BEIJING);
            var township = new RosterEntry("石子镇人民政府", AgencyLevel.TOWNSHIP, "大竹县", "511724");
            assertThat(rule.check(township, 2023, Set.of(), clock)).isEqualTo(rule.check(township, 2023, Set.of(), clock)).isPresent();
        }
    }
}
