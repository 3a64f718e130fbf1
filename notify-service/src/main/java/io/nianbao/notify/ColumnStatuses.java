package io.nianbao.notify;

import io.nianbao.events.ColumnProblem;
import io.nianbao.events.ColumnStatus;
import io.nianbao.service.Poll;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/**
 * watch.status → the latest word on each portal column (column_status), which the operators' page
 * shows. A record older than the one kept (a replay, a redelivery) changes nothing.
 */
public class ColumnStatuses implements Poll.Step<ColumnStatus> {

    /** One column as the operators' page shows it; {@code problem} in Chinese. */
    public record Column(String columnId, String listingUrl, String agencyId, boolean failing, String problem,
                         Integer httpStatus, String selector, String detail, Instant failingSince, Instant checkedAt,
                         List<String> missingReports) {

        /** Since when it cannot be read, Beijing time, or empty. */
        public String since() {
            return failingSince == null ? "" : Words.minute(failingSince);
        }

        /** When watch-service last checked it, Beijing time. */
        public String checked() {
            return Words.minute(checkedAt);
        }
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batches;

    public ColumnStatuses(NamedParameterJdbcOperations jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batches = jdbc;
    }

    @Override
    public Poll.EventStep<ColumnStatus> begin(List<ColumnStatus> events) {
        batches.batchUpdate("""
                        insert into column_status (column_id, listing_url, agency_id, failing, problem, http_status, selector,
                                                   detail, failing_since, checked_at, missing_reports)
                        values (:column, :listing, :agency, :failing, :problem, :status, :selector, :detail, :since, :checked,
                                :missing)
                        on conflict (column_id) do update set listing_url = excluded.listing_url, agency_id = excluded.agency_id,
                            failing = excluded.failing, problem = excluded.problem, http_status = excluded.http_status,
                            selector = excluded.selector, detail = excluded.detail, failing_since = excluded.failing_since,
                            checked_at = excluded.checked_at, missing_reports = excluded.missing_reports
                        where excluded.checked_at >= column_status.checked_at""",
                // One row per column, its latest: a multi-row upsert must not touch a row twice.
                events.stream().collect(Collectors.toMap(ColumnStatus::getColumnId, status -> status,
                                BinaryOperator.maxBy(Comparator.comparing(ColumnStatus::getCheckedAt)), LinkedHashMap::new))
                        .values().stream().map(ColumnStatuses::params).toArray(SqlParameterSource[]::new));
        return event -> Poll.Pending.DONE;
    }

    private static SqlParameterSource params(ColumnStatus status) {
        return new MapSqlParameterSource().addValue("column", status.getColumnId()).addValue("listing", status.getListingUrl())
                .addValue("agency", status.getAgencyId()).addValue("failing", status.getFailing())
                .addValue("problem", status.getProblem() == null ? null : status.getProblem().name())
                .addValue("status", status.getHttpStatus()).addValue("selector", status.getSelector())
                .addValue("detail", status.getDetail())
                .addValue("since", status.getFailingSince() == null ? null : Timestamp.from(status.getFailingSince()))
                .addValue("checked", Timestamp.from(status.getCheckedAt()))
                .addValue("missing", status.getMissingReports().toArray(String[]::new));
    }

    /** Every column, those that cannot be read first, then those with missing report pages. */
    public List<Column> all() {
        return jdbc.sql("""
                        select * from column_status
                        order by failing desc, cardinality(missing_reports) > 0 desc, column_id""")
                .query((rs, i) -> {
                    Timestamp since = rs.getTimestamp("failing_since");
                    Array missing = rs.getArray("missing_reports");
                    return new Column(rs.getString("column_id"), rs.getString("listing_url"), rs.getString("agency_id"),
                            rs.getBoolean("failing"), problemText(rs.getString("problem")), (Integer) rs.getObject("http_status"),
                            rs.getString("selector"), rs.getString("detail"), since == null ? null : since.toInstant(),
                            rs.getTimestamp("checked_at").toInstant(), Arrays.asList((String[]) missing.getArray()));
                })
                .list();
    }

    /** A column's problem in the operators' words. */
    static String problemText(String problem) {
        if (problem == null) {
            return null;
        }
        return switch (ColumnProblem.valueOf(problem)) {
            case HTTP_STATUS -> "网站返回错误状态";
            case UNREACHABLE -> "网站无法访问";
            case ADDRESS_REFUSED -> "地址指向内部网络，已拒绝";
            case TOO_LARGE -> "页面超过大小限制";
            case BACKING_OFF -> "网站要求放慢访问，正在等待";
            case ROBOTS_DISALLOWED -> "robots.txt 不允许访问";
            case NO_LINKS -> "栏目页面结构已变化：选择器找不到任何链接";
            case NO_REPORT_LINKS -> "栏目中找不到年度报告链接";
            case UNKNOWN -> "未知问题";
        };
    }
}
