package io.nianbao.validate;

import io.nianbao.core.rules.DeadlinePolicy;
import io.nianbao.core.rules.Roster;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code nianbao.validate.*}: the roster of agencies expected to publish, and the township
 * deadlines (month-day, e.g. {@code 02-20}) by roster region.
 *
 * @param roster            CSV file of {@link Roster}; none: PUB-MISSING is never raised
 * @param townshipDefault   township deadline where the region sets none
 * @param townshipDeadlines township deadline by region name
 */
@ConfigurationProperties("nianbao.validate")
public record ValidateProperties(Path roster, String townshipDefault, Map<String, String> townshipDeadlines) {

    public ValidateProperties {
        townshipDefault = townshipDefault == null ? "03-31" : townshipDefault;
        townshipDeadlines = townshipDeadlines == null ? Map.of() : townshipDeadlines;
    }

    DeadlinePolicy deadlinePolicy() {
        Map<String, MonthDay> byRegion = new LinkedHashMap<>();
        townshipDeadlines.forEach((region, day) -> byRegion.put(region, monthDay(day)));
        return new DeadlinePolicy(byRegion, monthDay(townshipDefault));
    }

    Roster loadRoster() {
        return roster == null ? Roster.EMPTY : Roster.load(roster);
    }

    private static MonthDay monthDay(String text) {
        return MonthDay.parse("--" + text.strip());
    }
}
