package io.nianbao.cli;

import io.nianbao.core.ReportReader;
import io.nianbao.core.UnreadableDocumentException;
import io.nianbao.core.check.CheckReport;
import io.nianbao.core.model.AgencyLevel;
import io.nianbao.core.model.Finding;
import io.nianbao.core.model.ParsedReport;
import io.nianbao.core.model.ReportMetadata;
import io.nianbao.core.rules.RuleContext;
import io.nianbao.core.rules.RuleEngine;
import io.nianbao.ocr.engine.DocumentOcr;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code nianbao check FILE [--format json|text] [--agency A] [--level L] [--year Y]
 * [--published YYYY-MM-DD] [--previous FILE]}: reads one report, runs every rule and prints the
 * result. Exit 0 when the report was read (whatever was found), 2 when it could not be read or
 * the command line is wrong, with a one-line Chinese reason on stderr.
 */
public final class CheckCommand {

    private CheckCommand() {
    }

    public static int run(String[] args) {
        // UTF-8 whatever the platform default: the JSON and the messages are Chinese.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return run(args, out, err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            err.println("nianbao check：" + e.getMessage());
            return 2;
        }
        ReportReader reader = new ReportReader();
        ParsedReport report;
        try {
            report = read(reader, options.file(), options.hints());
        } catch (UnreadableDocumentException e) {
            err.println("nianbao check：无法读取 " + options.file() + "：" + e.chineseMessage());
            return 2;
        } catch (IOException e) {
            err.println("nianbao check：无法打开文件 " + options.file() + "：" + e.getMessage());
            return 2;
        }
        RuleContext ctx = RuleContext.of(report);
        if (options.previous() != null) {
            try {
                ctx = ctx.withPrevious(read(reader, options.previous(), options.previousHints(report)));
            } catch (UnreadableDocumentException e) {
                // The report itself was read: check it without the cross-year rules rather than fail.
                err.println("nianbao check：无法读取上年报告 " + options.previous() + "，跨年度检查已跳过：" + e.chineseMessage());
            } catch (IOException e) {
                err.println("nianbao check：无法打开上年报告 " + options.previous() + "，跨年度检查已跳过：" + e.getMessage());
            }
        }
        List<Finding> findings = new RuleEngine().run(ctx);
        out.println(options.json() ? CheckReport.toJson(report, findings) : TextSummary.of(report, findings));
        return 0;
    }

    /**
     * The report as its text gives it, or, for a scan or tables in pictures, as OCR reads its images
     * here in process (ocr-engine's models, loaded for this document): what ocr-service and
     * parse-service together make of it in the pipeline.
     */
    private static ParsedReport read(ReportReader reader, Path file, ReportMetadata hints)
            throws IOException, UnreadableDocumentException {
        byte[] document = Files.readAllBytes(file);
        Optional<ParsedReport> asText = reader.readUnlessOcrNeeded(document, hints);
        if (asText.isPresent()) {
            return asText.get();
        }
        try (DocumentOcr ocr = DocumentOcr.load()) {
            return reader.read(document, hints, ocr.read(document));
        }
    }

    /** A command line that cannot be run; the message is Chinese and names the problem. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    record Options(Path file, boolean json, ReportMetadata hints, Path previous) {

        private static final String USAGE = "用法：nianbao check 文件 [--format json|text] [--agency 机关] "
                + "[--level DEPARTMENT|GOVERNMENT|TOWNSHIP] [--year 年度] [--published YYYY-MM-DD] [--previous 上年报告]";

        /** What is known of last year's report: the same agency and level, the year before. */
        ReportMetadata previousHints(ParsedReport report) {
            Integer year = report.meta() != null && report.meta().year() != null ? report.meta().year() : hints.year();
            return new ReportMetadata(hints.agency(), hints.agencyLevel(), year == null ? null : year - 1, null);
        }

        static Options parse(String[] args) throws UsageException {
            Path file = null;
            Path previous = null;
            boolean json = false;
            String agency = null;
            AgencyLevel level = null;
            Integer year = null;
            LocalDate published = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--")) {
                    if (file != null) {
                        throw new UsageException("只能检查一个文件，多余的参数：" + a + "。" + USAGE);
                    }
                    file = Path.of(a);
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new UsageException("选项 " + a + " 缺少取值。" + USAGE);
                }
                String v = args[++i];
                switch (a) {
                    case "--format" -> json = switch (v) {
                        case "json" -> true;
                        case "text" -> false;
                        default -> throw new UsageException("--format 只能是 json 或 text，而不是“" + v + "”。");
                    };
                    case "--agency" -> agency = v;
                    case "--level" -> level = level(v);
                    case "--year" -> year = year(v);
                    case "--published" -> published = date(v);
                    case "--previous" -> previous = Path.of(v);
                    default -> throw new UsageException("未知选项 " + a + "。" + USAGE);
                }
            }
            if (file == null) {
                throw new UsageException("缺少要检查的文件。" + USAGE);
            }
            return new Options(file, json, new ReportMetadata(agency, level, year, published), previous);
        }

        private static AgencyLevel level(String v) throws UsageException {
            try {
                return AgencyLevel.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--level 只能是 DEPARTMENT（部门）、GOVERNMENT（县级以上人民政府）或 TOWNSHIP（乡镇、街道），而不是“" + v + "”。");
            }
        }

        private static Integer year(String v) throws UsageException {
            try {
                int y = Integer.parseInt(v);
                if (y >= 2000 && y <= 2100) {
                    return y;
                }
            } catch (NumberFormatException e) {
                // reported below, like an out-of-range year
            }
            throw new UsageException("--year 应为四位数的报告年度，例如 2023，而不是“" + v + "”。");
        }

        private static LocalDate date(String v) throws UsageException {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw new UsageException("--published 应为 YYYY-MM-DD 格式的日期，例如 2024-01-30，而不是“" + v + "”。");
            }
        }
    }
}
