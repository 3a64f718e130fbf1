package io.nianbao.core.parse;

import io.nianbao.core.model.AgencyLevel;
import io.nianbao.core.model.ReportMetadata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the text says about the report: the agency and year from the title, the publication date
 * from the page header or the signature, and the agency's level from its name.
 */
public final class MetadataReader {

    /** "…人民政府办公室 2023年政府信息公开工作年度报告", "…2020年度政府信息公开工作年度报告". */
    private static final Pattern TITLE = Pattern.compile(
            "([^\\s,。:;、()《》<>\"“”]{0,40}?)\\s*((?:19|20)\\d{2})\\s*年\\s*度?\\s*(?:的)?政府信息公开(?:工作)?(?:年度)?(?:报告|年报)");
    /** A title split over two lines: the agency alone, the year and report on the next line. */
    private static final Pattern YEAR_FIRST_TITLE = Pattern.compile(
            "^((?:19|20)\\d{2})\\s*年\\s*度?\\s*政府信息公开(?:工作)?(?:年度)?(?:报告|年报)");
    private static final Pattern AGENCY_SUFFIX = Pattern.compile(
            "(人民政府|办公室|办公厅|局|委员会|委|厅|办事处|街道|管委会|管理委员会|中心|院|署|办|部|政府)$");
    /** Words that lead into an agency name inside a sentence: "现公布陆河县人民政府…". */
    private static final Pattern LEAD_IN = Pattern.compile("^(?:现将|现予|现公布|现发布|特公布|公布|发布|本报告由|本报告是|关于)");
    private static final Pattern PERIOD_YEAR = Pattern.compile("统计(?:期限|时限|时间|周期|期间)[^0-9]{0,8}((?:19|20)\\d{2})\\s*年");
    private static final Pattern ANY_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final Pattern LABELED_DATE = Pattern.compile(
            "(?:发布日期|发布时间|日期|时间|发文日期|成文日期|印发日期)\\s*[:]?\\s*((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})[-/](\\d{1,2})[-/](\\d{1,2})(?!\\d)");
    /** A signature date on its own line at the end: "2024年1月30日". */
    private static final Pattern SIGNATURE_DATE = Pattern.compile(
            "^((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日$");
    private static final int HEADER_LINES = 40;
    private static final int SIGNATURE_LINES = 6;

    private MetadataReader() {
    }

    /**
     * @param lines        the normalised lines
     * @param firstHeading the line of the first section heading, or -1: the title stands before it
     */
    public static ReportMetadata read(List<String> lines, int firstHeading) {
        int headerEnd = Math.min(lines.size(), firstHeading >= 0 ? Math.max(firstHeading, 1) : HEADER_LINES);
        String agency = null;
        Integer year = null;
        for (int i = 0; i < headerEnd; i++) {
            String line = lines.get(i).strip();
            Matcher t = TITLE.matcher(line);
            while (t.find()) {
                String name = agencyName(t.group(1));
                if (name.isEmpty() && i > 0 && YEAR_FIRST_TITLE.matcher(line).find()) {
                    name = agencyName(lines.get(previousNonEmpty(lines, i)).strip());
                }
                if (year == null) {
                    year = Integer.parseInt(t.group(2));
                }
                agency = better(agency, name);
            }
        }
        if (year == null) {
            year = statedYear(lines);
        }
        LocalDate published = publicationDate(lines, headerEnd, year);
        return new ReportMetadata(agency, levelOf(agency), year, published);
    }

    private static int previousNonEmpty(List<String> lines, int i) {
        int j = i - 1;
        while (j > 0 && lines.get(j).isBlank()) {
            j--;
        }
        return j;
    }

    /** The agency part of a title prefix, or "" when it names none. */
    private static String agencyName(String prefix) {
        String s = TextNormalizer.compact(prefix);
        s = LEAD_IN.matcher(s).replaceFirst("");
        if (s.length() < 2 || s.length() > 40 || !s.chars().allMatch(ch -> Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN)) {
            return "";
        }
        return s;
    }

    /** Of two names, one with an agency suffix ("…人民政府") over a bare place ("陆河县"); then the longer. */
    private static String better(String a, String b) {
        if (b == null || b.isEmpty()) {
            return a;
        }
        if (a == null) {
            return b;
        }
        boolean sa = AGENCY_SUFFIX.matcher(a).find();
        boolean sb = AGENCY_SUFFIX.matcher(b).find();
        if (sa != sb) {
            return sa ? a : b;
        }
        return b.length() > a.length() ? b : a;
    }

    /** The statistical period's year, else the year the text names most often. */
    private static Integer statedYear(List<String> lines) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String line : lines) {
            Matcher p = PERIOD_YEAR.matcher(line);
            if (p.find()) {
                return Integer.parseInt(p.group(1));
            }
            Matcher m = ANY_YEAR.matcher(line);
            while (m.find()) {
                counts.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** A labelled date anywhere near the top, an unlabelled numeric one in the page header, or a signature date. */
    private static LocalDate publicationDate(List<String> lines, int headerEnd, Integer year) {
        for (int i = 0; i < Math.min(lines.size(), Math.max(headerEnd, HEADER_LINES)); i++) {
            LocalDate d = date(LABELED_DATE.matcher(lines.get(i)), year);
            if (d != null) {
                return d;
            }
        }
        for (int i = 0; i < headerEnd; i++) {
            LocalDate d = date(NUMERIC_DATE.matcher(lines.get(i)), year);
            if (d != null) {
                return d;
            }
        }
        for (int i = lines.size() - 1, seen = 0; i >= 0 && seen < SIGNATURE_LINES; i--) {
            String line = TextNormalizer.compact(lines.get(i));
            if (line.isEmpty()) {
                continue;
            }
            seen++;
            LocalDate d = date(SIGNATURE_DATE.matcher(line), year);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** The matched date if it is a real date after the report year began. */
    private static LocalDate date(Matcher m, Integer year) {
        if (!m.find()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return year == null || d.getYear() > year ? d : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The level an agency's name implies, or null when it does not tell. */
    public static AgencyLevel levelOf(String agency) {
        if (agency == null || agency.isBlank()) {
            return null;
        }
        String a = TextNormalizer.compact(agency);
        if (a.matches(".*(乡|镇|苏木)(人民政府)?$") || a.endsWith("街道办事处") || a.endsWith("街道")
                || a.endsWith("办事处")) {
            return AgencyLevel.TOWNSHIP;
        }
        if (a.matches(".*(省|市|县|区|州|盟|旗|自治区|自治县|自治州)人民政府$")) {
            return AgencyLevel.GOVERNMENT;
        }
        if (a.matches(".*(办公室|办公厅|局|委员会|委|厅|中心|院|署|管委会|办)$")) {
            return AgencyLevel.DEPARTMENT;
        }
        return null;
    }
}
