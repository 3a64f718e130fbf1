package io.nianbao.notify.web;

import io.nianbao.notify.Words;
import io.nianbao.events.AgencyLevel;
import io.nianbao.events.Severity;
import io.nianbao.notify.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.security.Principal;
import java.util.List;

/**
 * 历年趋势: the findings in the inspector's inbox per rule across report years, filtered by region
 * (picked by name or typed as a code), severity and agency level.
 */
@Controller
class TrendsController {

    private final Trends trends;
    private final Regions regions;
    private final RegionPicker picker;

    TrendsController(Trends trends, Regions regions, RegionPicker picker) {
        this.trends = trends;
        this.regions = regions;
        this.picker = picker;
    }

    /**
     * @param region the picker's prefix
     * @param code   a code typed in, which wins over the picker (a township's 9 digits, say)
     */
    @GetMapping("/inbox/trends")
    String trends(@RequestParam(required = false) String region, @RequestParam(required = false) String code,
                  @RequestParam(required = false) Severity severity, @RequestParam(required = false) AgencyLevel level,
                  Principal inspector, Model model) {
        String prefix = RegionPicker.chosen(region, code);
        boolean usable = RegionPicker.usable(prefix);
        Trends.Filter filter = new Trends.Filter(usable ? prefix : null, severity, level);
        List<RegionPicker.Option> options = picker.options(filter.regionPrefix());
        model.addAttribute("inspector", inspector.getName());
        model.addAttribute("filter", filter);
        model.addAttribute("regionOptions", options);
        model.addAttribute("typedCode", RegionPicker.typedCode(prefix, options));
        model.addAttribute("regionLabel", filter.regionPrefix() == null ? "全部地区" : regions.label(filter.regionPrefix()));
        model.addAttribute("regionError", usable ? null : RegionPicker.NOT_A_CODE);
        model.addAttribute("severities", Words.severities());
        model.addAttribute("levels", Words.levels());
        model.addAttribute("table", usable ? trends.table(inspector.getName(), filter) : TrendTable.of(List.of()));
        return "trends";
    }
}
