package io.nianbao.notify.web;

import io.nianbao.core.rules.RuleId;
import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** The trends page's query: an inspector's inbox counted per report year and rule, in one grouped query. */
@Component
class Trends {

    /** The page's filters; null means any. {@code regionPrefix} is digits only. */
    record Filter(String regionPrefix, Severity severity, AgencyLevel level) {
    }

    private final JdbcClient jdbc;

    Trends(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Findings per (year, rule) and, on the rows of the grouping set (year) whose rule is null, the
     * year's reports: those in the inbox, a missing report's PUB-MISSING notice not counted as one.
     * The severity filters findings only, so the reports stay those of the region and level.
     */
    TrendTable table(String inspector, Filter filter) {
        String findings = filter.severity() == null ? "count(*)" : "count(*) filter (where f.severity = :severity)";
        StringBuilder sql = new StringBuilder("select r.year, f.rule_id, " + findings + " as findings, " + """
                count(distinct r.report_id) filter (where f.rule_id <> :missing) as reports
                from inbox_entry e join finding f using (report_id, fingerprint) join report r using (report_id)
                where e.inspector = :inspector and r.year is not null""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("inspector", inspector);
        params.put("missing", RuleId.PUB_MISSING.id());
        if (filter.severity() != null) {
            params.put("severity", filter.severity().name());
        }
        if (filter.regionPrefix() != null) {
            sql.append(" and r.region_code like :region");
            params.put("region", filter.regionPrefix() + "%");
        }
        if (filter.level() != null) {
            sql.append(" and r.agency_level = :level");
            params.put("level", filter.level().name());
        }
        sql.append(" group by grouping sets ((r.year, f.rule_id), (r.year)) having grouping(f.rule_id) = 1 or ")
                .append(findings).append(" > 0");
        return TrendTable.of(jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new TrendTable.Count(rs.getInt("year"), rs.getString("rule_id"), rs.getLong("findings"),
                        rs.getLong("reports")))
                .list());
    }
}
