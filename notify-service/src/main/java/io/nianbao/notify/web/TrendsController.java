package io.nianbao.notify.web;

import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Severity;
import io.nianbao.notify.Regions;
import io.nianbao.notify.Regions.Region;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

/**
 * 历年趋势: the findings in the inspector's inbox per rule across report years, filtered by region
 * (picked by name or typed as a code), severity and agency level.
 */
@Controller
class TrendsController {

    /**
     * An entry of the region picker: the provinces, and below the chosen one its cities, and below a
     * chosen city its counties.
     */
    record RegionOption(String prefix, String name, int depth) {
        public String text() {
            return "　".repeat(depth) + name;
        }
    }

    private final Trends trends;
    private final Regions regions;

    TrendsController(Trends trends, Regions regions) {
        this.trends = trends;
        this.regions = regions;
    }

    /**
     * @param region the picker's prefix
     * @param code   a code typed in, which wins over the picker (a township's 9 digits, say)
     */
    @GetMapping("/inbox/trends")
    String trends(@RequestParam(required = false) String region, @RequestParam(required = false) String code,
                  @RequestParam(required = false) Severity severity, @RequestParam(required = false) AgencyLevel level,
                  Principal inspector, Model model) {
        String typed = SubscriptionRequest.blankToNull(code);
        String prefix = typed != null ? typed.strip() : SubscriptionRequest.blankToNull(region);
        boolean usable = prefix == null || prefix.matches("\\d{1,12}");
        Trends.Filter filter = new Trends.Filter(usable ? prefix : null, severity, level);
        List<RegionOption> options = regionOptions(filter.regionPrefix());
        model.addAttribute("inspector", inspector.getName());
        model.addAttribute("filter", filter);
        model.addAttribute("regionOptions", options);
        model.addAttribute("typedCode", prefix != null && options.stream().noneMatch(o -> o.prefix().equals(prefix)) ? prefix : null);
        model.addAttribute("regionLabel", filter.regionPrefix() == null ? "全部地区" : regions.label(filter.regionPrefix()));
        model.addAttribute("regionError", usable ? null : "地区代码应为数字，如 32、3201、320104");
        model.addAttribute("severities", Severity.values());
        model.addAttribute("levels", List.of(AgencyLevel.DEPARTMENT, AgencyLevel.GOVERNMENT, AgencyLevel.TOWNSHIP));
        model.addAttribute("table", usable ? trends.table(inspector.getName(), filter) : TrendTable.of(List.of()));
        return "trends";
    }

    private List<RegionOption> regionOptions(String selected) {
        List<RegionOption> options = new ArrayList<>();
        for (Region province : regions.children(null)) {
            options.add(new RegionOption(province.prefix(), province.name(), 0));
            if (selected == null || !selected.startsWith(province.prefix())) {
                continue;
            }
            for (Region city : regions.children(province.prefix())) {
                options.add(new RegionOption(city.prefix(), city.name(), 1));
                if (selected.startsWith(city.prefix())) {
                    regions.children(city.prefix()).forEach(county -> options.add(new RegionOption(county.prefix(), county.name(), 2)));
                }
            }
        }
        return options;
    }
}
