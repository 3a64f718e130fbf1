package io.nianbao.notify.web;

import io.nianbao.notify.ColumnStatuses;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The operators' page (运行状态): the portal columns watch-service cannot read, why and since
 * when, and the report pages they link that are missing. Only for operators (SecurityConfiguration).
 */
@Controller
class OperationsController {

    private final ColumnStatuses columns;

    OperationsController(ColumnStatuses columns) {
        this.columns = columns;
    }

    @GetMapping("/inbox/operations")
    String operations(Authentication user, Model model) {
        model.addAttribute("inspector", user.getName());
        model.addAttribute("columns", columns.all());
        return "operations";
    }

    /** Tells every page's header whether to show the way to the operators' page. */
    @ControllerAdvice
    static class OperatorFlag {

        @ModelAttribute("operator")
        boolean operator(Authentication user) {
            return user != null && user.getAuthorities().stream()
                    .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + SecurityConfiguration.OPERATOR));
        }
    }
}
