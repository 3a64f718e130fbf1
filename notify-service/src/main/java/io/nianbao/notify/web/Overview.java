package io.nianbao.notify.web;

import io.nianbao.notify.Words;
import io.nianbao.notify.DocumentLinks;
import io.nianbao.core.rules.Roster;
import io.nianbao.core.rules.RosterEntry;
import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Template;
import io.nianbao.notify.DeliveryLog;
import io.nianbao.notify.NotifyProperties;
import io.nianbao.notify.Regions;
import io.nianbao.notify.ReportInfo;
import io.nianbao.notify.StoredFinding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Queries of the region overview: one row per agency for a year, with whether and when it
 * published, its template, its open ERROR and WARNING findings and its rectification state.
 * <p>
 * The agencies are those of the roster ({@code nianbao.notify.roster}) under the filter, and those
 * not on it whose report brought a finding to this inspector's inbox. Publication is a fact about
 * the agency, so it comes from every report seen. The counts, the main problems and the findings
 * are the inspector's own: the AGENCY findings of the agency's latest report that their
 * subscriptions routed to their inbox and that no later report resolved. Counting findings routed
 * to nobody, or to other inspectors, would show an inspector problems of regions or rules they did
 * not subscribe to; the inbox and the overview agree instead, and an agency with none shows 0.
 * <p>
 * A page, its summary counts included, is one query whatever the number of agencies: the roster
 * goes to PostgreSQL as arrays.
 */
@Component
public class Overview {

    /**
     * The overview's filters; null means any.
     *
     * @param region   GB/T 2260 code prefix (32, 3201, 320104)
     * @param name     part of the agency's name
     * @param agencyId one agency
     */
    public record Filter(int year, String region, AgencyLevel level, String name, String agencyId) {
    }

    /**
     * One agency's year.
     *
     * @param region   its region's name ({@link #regionName})
     * @param reportId    its latest report (a PUB-MISSING notice when it published none), or null
     * @param documentUrl where that report was published, as the portal gave it, or null
     */
    public record Row(String agencyId, String agencyName, AgencyLevel level, String regionCode, String region, boolean onRoster,
                      Publication publication, String reportId, String publishedOn, Template template, String documentUrl,
                      int errors, int warnings, Rectification rectification) {

        /** The original document's URL when a reader may follow it (http or https), else null. */
        public String documentLink() {
            return DocumentLinks.isWebLink(documentUrl) ? documentUrl : null;
        }

        /** Its name as the annex lists it: marked when it is not on the roster. */
        public String listedName() {
            return onRoster ? agencyName : agencyName + "（不在名册）";
        }

        public String levelName() {
            return Words.level(level);
        }

        public String rectificationLabel() {
            return Rectification.labelOf(rectification);
        }
    }

    /** Counts over every agency under the filter, not only the page's. */
    public record Summary(long agencies, long expected, long onTime, long late, long missing, long errors) {
        static final Summary NONE = new Summary(0, 0, 0, 0, 0, 0);
    }

    /** @param number 1-based; {@code pages} at least 1 */
    public record Page(List<Row> rows, Summary summary, int number, int pages) {
    }

    /** A finding of an agency in the inspector's inbox, with its state there. */
    public record AgencyFinding(String agencyId, String reportId, StoredFinding finding, boolean acknowledged, boolean resolved) {

        /** 已解决, 已确认 or 未确认. */
        public String status() {
            return resolved ? "已解决" : acknowledged ? "已确认" : "未确认";
        }
    }

    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final Roster roster;
    private final Regions regions;

    Overview(JdbcClient jdbc, NotifyProperties properties, Regions regions) {
        this.jdbc = jdbc;
        this.roster = properties.roster() == null ? Roster.EMPTY : Roster.load(properties.roster());
        this.regions = regions;
    }

    /**
     * The display text of a GB/T 2260 code or prefix (江苏省南京市秦淮区 for 320104): the one place the
     * overview, the annex and the print view get it from.
     */
    String regionName(String regionCode) {
        return regions.label(regionCode);
    }

    /** The latest year of the reports seen. */
    Optional<Integer> latestYear() {
        return jdbc.sql("select max(year) from report").query(Integer.class).optional();
    }

    /** Page {@code number} (1-based) of the agencies under the filter. */
    Page page(String inspector, Filter filter, int number) {
        record Counted(Row row, Summary summary) {
        }
        int page = Math.max(number, 1);
        List<Counted> rows = query(inspector, filter, " limit :limit offset :offset",
                Map.of("limit", PAGE_SIZE, "offset", (long) (page - 1) * PAGE_SIZE))
                .query((rs, i) -> new Counted(row(rs), new Summary(rs.getLong("agencies"), rs.getLong("expected"),
                        rs.getLong("on_time"), rs.getLong("late"), rs.getLong("missing"), rs.getLong("error_total"))))
                .list();
        // Every row carries the same counts, over all pages; a page past the last has none.
        Summary summary = rows.isEmpty() ? Summary.NONE : rows.getFirst().summary();
        int pages = (int) Math.max(1, (summary.agencies() + PAGE_SIZE - 1) / PAGE_SIZE);
        return new Page(rows.stream().map(Counted::row).toList(), summary, page, pages);
    }

    /** Every agency under the filter, for the export and the print view. */
    List<Row> all(String inspector, Filter filter) {
        return query(inspector, filter, "", Map.of()).query((rs, i) -> row(rs)).list();
    }

    /** The reports of the agency's year (a PUB-MISSING notice among them), latest first. */
    List<ReportInfo> reports(String agencyId, int year) {
        return jdbc.sql("select * from report where agency_id = :agency and year = :year order by validated_at desc, report_id")
                .param("agency", agencyId).param("year", year)
                .query(DeliveryLog.REPORT).list();
    }

    /** The AGENCY findings of these reports in the inspector's inbox, by report, the most severe first. */
    List<AgencyFinding> findings(String inspector, List<String> reportIds) {
        if (reportIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select r.agency_id, f.*, e.acknowledged_at from inbox_entry e
                        join finding f using (report_id, fingerprint) join report r using (report_id)
                        where e.inspector = :inspector and e.report_id = any(:reports) and f.responsibility = 'AGENCY'
                        order by r.agency_id, r.validated_at desc, r.report_id, f.severity, f.rule_id, f.location""")
                .param("inspector", inspector).param("reports", reportIds.toArray(String[]::new))
                .query((rs, i) -> new AgencyFinding(rs.getString("agency_id"), rs.getString("report_id"),
                        DeliveryLog.FINDING.mapRow(rs, i), rs.getTimestamp("acknowledged_at") != null,
                        rs.getTimestamp("resolved_at") != null))
                .list();
    }

    private JdbcClient.StatementSpec query(String inspector, Filter filter, String limit, Map<String, Object> limitParams) {
        StringBuilder conditions = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>(limitParams);
        condition(conditions, params, "o.region_code like :region", "region",
                filter.region() == null ? null : escapeLike(filter.region()) + "%");
        condition(conditions, params, "o.agency_level = :level", "level", filter.level() == null ? null : filter.level().name());
        condition(conditions, params, "o.agency_name ilike :name", "name",
                filter.name() == null ? null : "%" + escapeLike(filter.name()) + "%");
        condition(conditions, params, "o.agency_id = :agency", "agency", filter.agencyId());
        List<Map.Entry<String, RosterEntry>> agencies = List.copyOf(roster.byAgencyId().entrySet());
        return jdbc.sql(ROWS.formatted(conditions, limit)).params(params)
                .param("inspector", inspector).param("year", filter.year())
                .param("notice", escapeLike(DeliveryLog.MISSING_NOTICE) + "%")
                .param("rosterIds", agencies.stream().map(Map.Entry::getKey).toArray(String[]::new))
                .param("rosterNames", agencies.stream().map(e -> e.getValue().agency()).toArray(String[]::new))
                .param("rosterLevels", agencies.stream().map(e -> e.getValue().level().name()).toArray(String[]::new))
                .param("rosterRegions", agencies.stream().map(e -> e.getValue().regionCode()).toArray(String[]::new));
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            params.put(name, value);
        }
    }

    /** Text matched literally by LIKE (whose escape character is the backslash). */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Row row(ResultSet rs) throws SQLException {
        String template = rs.getString("template");
        String rectification = rs.getString("rectification");
        String regionCode = rs.getString("region_code");
        return new Row(rs.getString("agency_id"), rs.getString("agency_name"), AgencyLevel.valueOf(rs.getString("agency_level")),
                regionCode, regionName(regionCode), rs.getBoolean("on_roster"), Publication.valueOf(rs.getString("publication")),
                rs.getString("report_id"), rs.getString("published_on"), template == null ? null : Template.valueOf(template),
                rs.getString("document_url"), rs.getInt("errors"), rs.getInt("warnings"), rectification == null ? null : Rectification.valueOf(rectification));
    }

    /**
     * The overview's rows: the roster (arrays as parameters), the year's reports of each agency
     * ranked (a report before a PUB-MISSING notice, the latest validated first; a notice has no
     * publication date or template of its own), whether any was late or is missing, the
     * inspector's open findings of the latest, and the last rectification step. Filter conditions
     * and the limit are formatted in; every value is a parameter.
     */
    private static final String ROWS = """
            with roster (agency_id, agency_name, agency_level, region_code) as (
                select * from unnest(cast(:rosterIds as text[]), cast(:rosterNames as text[]),
                                     cast(:rosterLevels as text[]), cast(:rosterRegions as text[]))
            ),
            year_report as (
                select r.*, r.report_id like :notice as notice,
                       row_number() over (partition by r.agency_id
                                          order by r.report_id like :notice, r.validated_at desc, r.report_id) as recency
                from report r where r.year = :year
            ),
            latest as (select * from year_report where recency = 1),
            agency as (
                select agency_id, agency_name, agency_level, region_code, true as on_roster from roster
                union all
                select l.agency_id, l.agency_name, l.agency_level, l.region_code, false from latest l
                where not exists (select 1 from roster ro where ro.agency_id = l.agency_id)
                  and exists (select 1 from inbox_entry e join year_report y using (report_id)
                              where e.inspector = :inspector and y.agency_id = l.agency_id)
            ),
            publication as (
                select y.agency_id, bool_or(not y.notice) as published,
                       coalesce(bool_or(f.rule_id = 'PUB-LATE' and not y.notice), false) as late,
                       coalesce(bool_or(f.rule_id = 'PUB-MISSING' and f.resolved_at is null), false) as missing
                from year_report y left join finding f on f.report_id = y.report_id and f.rule_id in ('PUB-LATE', 'PUB-MISSING')
                group by y.agency_id
            ),
            open_findings as (
                select l.agency_id, count(*) filter (where f.severity = 'ERROR') as errors,
                       count(*) filter (where f.severity = 'WARNING') as warnings
                from latest l join inbox_entry e on e.report_id = l.report_id and e.inspector = :inspector
                join finding f on f.report_id = e.report_id and f.fingerprint = e.fingerprint
                where f.responsibility = 'AGENCY' and f.resolved_at is null
                group by l.agency_id
            ),
            rectification as (
                select distinct on (agency_id) agency_id, state from rectification_step where year = :year
                order by agency_id, seq desc
            ),
            overview as (
                select a.agency_id, coalesce(a.agency_name, l.agency_name, a.agency_id) as agency_name, a.agency_level,
                       coalesce(a.region_code, l.region_code) as region_code, a.on_roster,
                       l.report_id, case when l.notice then null else l.published_on end as published_on,
                       case when l.notice then null else l.template end as template,
                       case when l.notice then null else l.document_url end as document_url,
                       case when p.published and p.late then 'LATE' when p.published then 'ON_TIME'
                            when p.missing then 'MISSING' else 'NOT_YET' end as publication,
                       coalesce(c.errors, 0) as errors, coalesce(c.warnings, 0) as warnings, rc.state as rectification
                from agency a left join latest l using (agency_id) left join publication p using (agency_id)
                left join open_findings c using (agency_id) left join rectification rc using (agency_id)
            )
            select o.*, count(*) over () as agencies, count(*) filter (where o.on_roster) over () as expected,
                   count(*) filter (where o.publication = 'ON_TIME') over () as on_time,
                   count(*) filter (where o.publication = 'LATE') over () as late,
                   count(*) filter (where o.publication = 'MISSING') over () as missing,
                   sum(o.errors) over () as error_total
            from overview o where true%s
            order by o.region_code nulls last, o.agency_name, o.agency_id%s""";
}
