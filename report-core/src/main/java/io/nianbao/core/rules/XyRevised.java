package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;

import java.util.List;

/** XY-REVISED: the same agency and year published again with different content (a silent edit). */
public final class XyRevised implements ReportRule {

    @Override
    public RuleId id() { return RuleId.XY_REVISED; }

    @Override
    public List<Finding> check(RuleContext ctx) {
        if (ctx.contentHash() == null || ctx.earlierContentHash() == null || ctx.contentHash().equals(ctx.earlierContentHash())) {
            return List.of();
        }
        return List.of(id().finding("meta", "本年度报告发布后内容被修改，与此前发布的版本不一致，修改应公开说明。",
                "此前版本：" + ctx.earlierContentHash() + "；当前版本：" + ctx.contentHash()));
    }
}
