package io.nianbao.core.rules;

import io.nianbao.core.model.Finding;
import io.nianbao.core.model.Responsibility;
import io.nianbao.core.parse.CellReader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs every report-level rule on a report. The result is the parser's findings followed by the
 * rules' findings in catalog order, so the same report always yields the same list. In a report
 * read by OCR, each finding against the agency says in its evidence that the values were read by OCR.
 */
public final class RuleEngine {

    private static final String READ_BY_OCR = "经OCR识别";

    /** The rules whose findings rest on headings, sections, tables and words being found as written. */
    private static final Set<String> LAYOUT_READ_BY_OCR = Stream.of(RuleId.SEC_MISSING, RuleId.SEC_ORDER, RuleId.SEC_HEADING,
            RuleId.FMT_VERSION, RuleId.FMT_BASIS, RuleId.TBL_MISSING, RuleId.TBL_SHAPE, RuleId.TXT_YEAR, RuleId.TXT_THIN)
            .map(RuleId::id).collect(Collectors.toUnmodifiableSet());

    private final List<ReportRule> rules;

    /** The engine with every report-level rule of the catalog (the parser reports the others). */
    public RuleEngine() {
        this(List.of(
                new SecMissing(), new SecOrder(), new SecHeading(), new FmtVersion(), new FmtBasis(), new TblMissing(),
                new CellBlank(), new T3Balance(), new T3ResultSum(), new T3RowSum(), new T4Sum(),
                new TxtT2Mismatch(), new TxtT3Mismatch(), new TxtT4Mismatch(), new TxtYear(), new TxtFee(), new TxtThin(),
                new PubLate(), new XyCarryover(), new XyInforce(), new XyCopy(), new XyRevised()));
    }

    public RuleEngine(List<ReportRule> rules) {
        this.rules = rules.stream().sorted(Comparator.comparing(ReportRule::id)).toList();
    }

    public List<ReportRule> rules() {
        return rules;
    }

    /**
     * The report's findings; for a document that is not a GB2019 or GB2021 report, only that
     * (FMT-UNSUPPORTED): the template's rules would accuse it of what its own format never asked.
     */
    public List<Finding> run(RuleContext ctx) {
        List<Finding> unsupported = FmtUnsupported.check(ctx.report());
        if (!unsupported.isEmpty()) {
            return unsupported;
        }
        List<Finding> out = new ArrayList<>();
        if (ctx.report().parseFindings() != null) {
            out.addAll(ctx.report().parseFindings());
        }
        for (ReportRule rule : rules) {
            out.addAll(rule.check(ctx));
        }
        return ctx.report().readByOcr() ? out.stream().map(RuleEngine::withoutMarks).map(RuleEngine::saidReadByOcr).toList() : out;
    }

    /** The finding without the parser's marks of unsure OCR cells ({@link CellReader#UNCONFIDENT}) in what it quotes. */
    private static Finding withoutMarks(Finding f) {
        String mark = String.valueOf(CellReader.UNCONFIDENT);
        return new Finding(f.rule(), f.severity(), f.responsibility(), f.location(), f.expected(), f.actual(),
                f.message().replace(mark, ""), f.evidence() == null ? null : f.evidence().replace(mark, ""));
    }

    /**
     * A finding against the agency in a report read by OCR, its evidence saying so: the inspector
     * looks at the image before forwarding it. A finding that rests on the document's layout — a
     * heading, a section, a table or the wording of its prose not found or not as the template has
     * it — is ours to look at instead ({@link ParseUncertain#layoutReadByOcr}): OCR misses a faint
     * heading or a table without rules, and reads a word wrong, where the agency wrote them right.
     */
    private static Finding saidReadByOcr(Finding f) {
        if (f.responsibility() != Responsibility.AGENCY) {
            return f;
        }
        if (LAYOUT_READ_BY_OCR.contains(f.rule())) {
            return ParseUncertain.layoutReadByOcr(f);
        }
        String evidence = f.evidence() == null ? READ_BY_OCR + "，请对照原图核对" : READ_BY_OCR + "：" + f.evidence();
        return new Finding(f.rule(), f.severity(), f.responsibility(), f.location(), f.expected(), f.actual(), f.message(), evidence);
    }
}
