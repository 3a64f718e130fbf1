package io.nianbao.notify.web;

import io.nianbao.notify.Regions;
import io.nianbao.notify.Regions.Region;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The region picker of the workbench's filters (历年趋势, 地区总览), by name and without a script:
 * the provinces, and below the chosen one its cities, and below a chosen city its counties.
 */
@Component
class RegionPicker {

    /** An entry of the picker, indented by its depth. */
    record Option(String prefix, String name, int depth) {
        public String text() {
            return "　".repeat(depth) + name;
        }
    }

    private final Regions regions;

    RegionPicker(Regions regions) {
        this.regions = regions;
    }

    /** @param selected the prefix chosen, or null */
    List<Option> options(String selected) {
        List<Option> options = new ArrayList<>();
        for (Region province : regions.children(null)) {
            options.add(new Option(province.prefix(), province.name(), 0));
            if (selected == null || !selected.startsWith(province.prefix())) {
                continue;
            }
            for (Region city : regions.children(province.prefix())) {
                options.add(new Option(city.prefix(), city.name(), 1));
                if (selected.startsWith(city.prefix())) {
                    regions.children(city.prefix()).forEach(county -> options.add(new Option(county.prefix(), county.name(), 2)));
                }
            }
        }
        return options;
    }

    /** The region of a filter: a code typed in (stripped) wins over the picker's prefix; null for none. */
    static String chosen(String picked, String typed) {
        String code = SubscriptionRequest.blankToNull(typed);
        return code != null ? code.strip() : SubscriptionRequest.blankToNull(picked);
    }

    /** Said when a region typed in is not a code. */
    static final String NOT_A_CODE = "地区代码应为数字，如 32、3201、320104";

    /** Whether a region typed in (or none) can be a GB/T 2260 code or prefix: 1 to 12 digits. */
    static boolean usable(String prefix) {
        return prefix == null || prefix.matches("\\d{1,12}");
    }

    /** The code typed in when the picker has no entry for it (a township's 9 digits, say), else null. */
    static String typedCode(String prefix, List<Option> options) {
        return prefix != null && options.stream().noneMatch(o -> o.prefix().equals(prefix)) ? prefix : null;
    }
}
