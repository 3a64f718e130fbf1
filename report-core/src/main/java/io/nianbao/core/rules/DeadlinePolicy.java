package io.nianbao.core.rules;

import io.nianbao.core.model.AgencyLevel;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;

/**
 * Publication deadlines (report-format.md, "Who publishes, and by when"). Departments and
 * governments follow the regulation; townships follow their region, keyed by the region name of
 * the roster.
 */
public record DeadlinePolicy(Map<String, MonthDay> townshipByRegion, MonthDay townshipDefault) {

    private static final MonthDay DEPARTMENT = MonthDay.of(1, 31);
    private static final MonthDay GOVERNMENT = MonthDay.of(3, 31);

    public static final DeadlinePolicy DEFAULT = new DeadlinePolicy(Map.of(), GOVERNMENT);

    public DeadlinePolicy {
        townshipByRegion = Map.copyOf(townshipByRegion);
    }

    /** The last day, in year N+1, on which the report for year {@code reportYear} may appear. */
    public LocalDate deadline(AgencyLevel level, String region, int reportYear) {
        MonthDay day = switch (level) {
            case DEPARTMENT -> DEPARTMENT;
            case GOVERNMENT -> GOVERNMENT;
            case TOWNSHIP -> region == null ? townshipDefault : townshipByRegion.getOrDefault(region, townshipDefault);
        };
        return day.atYear(reportYear + 1);
    }
}
