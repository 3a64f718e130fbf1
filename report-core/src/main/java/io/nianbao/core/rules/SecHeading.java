package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.Section;

import java.util.ArrayList;
import java.util.List;

/**
 * SEC-HEADING: a heading worded otherwise than the template ("…改进措施", a lost numeral).
 * Traditional characters, full-width forms and spaces are not deviations.
 */
public final class SecHeading implements ReportRule {

    @Override
    public RuleId id() { return RuleId.SEC_HEADING; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Section s : Reports.sections(ctx.report())) {
            String written = Prose.squeeze(s.heading());
            String template = s.kind().templateHeading();
            if (!written.equals(template)) {
                out.add(id().finding(s.kind().numeral(),
                        "标题“" + written + "”与年度报告格式的标题“" + template + "”不一致。", s.heading()));
            }
        }
        return out;
    }
}
