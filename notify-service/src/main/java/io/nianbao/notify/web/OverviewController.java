package io.nianbao.notify.web;

import io.nianbao.notify.Words;
import io.nianbao.events.AgencyLevel;
import io.nianbao.notify.NotifyProperties;
import io.nianbao.notify.ReportInfo;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The review workbench's region overview: every agency's publication and open findings for a
 * year, page by page; an agency's page with its reports, findings and rectification workflow; the
 * overview as a circular's annex in Excel and as a printable page.
 */
@Controller
class OverviewController {

    private final Overview overview;
    private final RegionPicker picker;
    private final Rectifications rectifications;
    private final Clock clock;
    private final String inboxUrl;

    OverviewController(Overview overview, RegionPicker picker, Rectifications rectifications, Clock clock,
                       NotifyProperties properties) {
        this.overview = overview;
        this.picker = picker;
        this.rectifications = rectifications;
        this.clock = clock;
        this.inboxUrl = properties.inboxUrl();
    }

    /**
     * @param region the picker's prefix
     * @param code   a code typed in, which wins over the picker (a township's 9 digits, say)
     */
    @GetMapping("/inbox/overview")
    String overview(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region,
                    @RequestParam(required = false) String code, @RequestParam(required = false) AgencyLevel level,
                    @RequestParam(required = false) String name, @RequestParam(defaultValue = "1") int page,
                    Principal inspector, Model model) {
        String prefix = RegionPicker.chosen(region, code);
        boolean usable = RegionPicker.usable(prefix);
        Overview.Filter filter = filter(year, usable ? prefix : null, level, name);
        Overview.Page rows = overview.page(inspector.getName(), filter, page);
        List<RegionPicker.Option> options = picker.options(filter.region());
        model.addAttribute("inspector", inspector.getName());
        model.addAttribute("filter", filter);
        model.addAttribute("regionOptions", options);
        model.addAttribute("typedCode", RegionPicker.typedCode(filter.region(), options));
        model.addAttribute("regionError", usable ? null : RegionPicker.NOT_A_CODE);
        model.addAttribute("regionName", filter.region() == null ? null : overview.regionName(filter.region()));
        model.addAttribute("levels", Words.levels());
        model.addAttribute("page", rows);
        model.addAttribute("query", query(filter));
        return "overview";
    }

    /** The annex, every page of it, as an .xlsx file. */
    @GetMapping("/inbox/overview.xlsx")
    void export(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region,
                @RequestParam(required = false) AgencyLevel level, @RequestParam(required = false) String name,
                Principal inspector, HttpServletResponse response) throws IOException {
        Annex annex = annex(inspector.getName(), filter(year, region, level, name));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(annex.title() + ".xlsx", StandardCharsets.UTF_8).build().toString());
        AnnexWorkbook.write(annex, inboxUrl, response.getOutputStream());
    }

    /** The annex as a page to print. */
    @GetMapping("/inbox/overview/print")
    String print(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region,
                 @RequestParam(required = false) AgencyLevel level, @RequestParam(required = false) String name,
                 Principal inspector, Model model) {
        model.addAttribute("inspector", inspector.getName());
        model.addAttribute("annex", annex(inspector.getName(), filter(year, region, level, name)));
        model.addAttribute("printedOn", today());
        return "overview-print";
    }

    /** One agency's year: its row, reports, findings in the inspector's inbox, and rectification. */
    @GetMapping("/inbox/overview/agencies/{agencyId}")
    String agency(@PathVariable String agencyId, @RequestParam(required = false) Integer year, Principal inspector, Model model) {
        Overview.Filter filter = new Overview.Filter(yearOr(year), null, null, null, agencyId);
        List<Overview.Row> rows = overview.all(inspector.getName(), filter);
        List<ReportInfo> reports = overview.reports(agencyId, filter.year());
        List<Rectifications.Step> history = rectifications.history(agencyId, filter.year());
        model.addAttribute("inspector", inspector.getName());
        model.addAttribute("agencyId", agencyId);
        model.addAttribute("year", filter.year());
        model.addAttribute("row", rows.isEmpty() ? null : rows.getFirst());
        model.addAttribute("reports", reports);
        model.addAttribute("findings", overview.findings(inspector.getName(), reports.stream().map(ReportInfo::reportId).toList()));
        model.addAttribute("history", history);
        model.addAttribute("nextSteps", Rectification.nextFrom(history.isEmpty() ? null : history.getLast().state()));
        return "overview-agency";
    }

    @PostMapping("/inbox/overview/agencies/{agencyId}/rectification")
    String rectify(@PathVariable String agencyId, @RequestParam int year, @RequestParam Rectification state,
                   @RequestParam(required = false) String comment, Principal inspector) {
        rectifications.advance(agencyId, year, state, inspector.getName(), comment, clock.instant());
        return "redirect:" + UriComponentsBuilder.fromPath("/inbox/overview/agencies/{agency}").queryParam("year", year)
                .buildAndExpand(agencyId).encode().toUriString();
    }

    @ExceptionHandler(Rectifications.Refused.class)
    ResponseEntity<String> refused(Rectifications.Refused refused) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(refused.getMessage());
    }

    private Annex annex(String inspector, Overview.Filter filter) {
        List<Overview.Row> rows = overview.all(inspector, filter);
        List<String> latestReports = rows.stream().map(Overview.Row::reportId).filter(id -> id != null).toList();
        return new Annex(filter.year(), filter.region() == null ? null : overview.regionName(filter.region()), rows,
                overview.findings(inspector, latestReports));
    }

    private Overview.Filter filter(Integer year, String region, AgencyLevel level, String name) {
        return new Overview.Filter(yearOr(year), SubscriptionRequest.blankToNull(region), level,
                SubscriptionRequest.blankToNull(name), null);
    }

    /** The year asked for, else the latest year of the reports seen, else this one. */
    private int yearOr(Integer year) {
        return year != null ? year : overview.latestYear().orElseGet(() -> today().getYear());
    }

    /** Today in Beijing. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Words.BEIJING);
    }

    /** The filter as a query string, for the links to other pages, the export and the print view. */
    private static String query(Overview.Filter filter) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance().queryParam("year", filter.year());
        if (filter.region() != null) {
            query.queryParam("region", filter.region());
        }
        if (filter.level() != null) {
            query.queryParam("level", filter.level());
        }
        if (filter.name() != null) {
            query.queryParam("name", filter.name());
        }
        return query.encode().build().getQuery();
    }
}
