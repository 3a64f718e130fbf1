package io.nianbao.core.parse;

import io.nianbao.core.model.SectionKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the six section headings, fuzzily. Every short numbered line ("二、…", "、…" with a lost
 * numeral, "第二部分…") is a candidate; it may stand for a section only if it has that section's
 * key words, and scores by likeness to the template title, a matching numeral and — for the table
 * sections — being followed by that section's table. The best assignment that keeps the template
 * order wins, so numerals reused for sub-topics inside 总体情况 do not displace the real headings.
 */
public final class SectionFinder {

    /** A heading found: its section, its line, and its text as written (normalised). */
    public record Heading(SectionKind kind, int line, String text) {
    }

    private static final Pattern NUMBERED = Pattern.compile(
            "^(?:第([一二三四五六七八九十]{1,2})部分|([一二三四五六七八九十]{1,2})?\\s*[、.．])\\s*(\\S.*)$");
    private static final int MAX_TITLE = 40;
    private static final Map<SectionKind, Pattern> KEY_WORDS = Map.of(
            SectionKind.OVERVIEW, Pattern.compile("总体|概述|概况|基本情况"),
            SectionKind.PROACTIVE, Pattern.compile("主动公开"),
            SectionKind.APPLICATIONS, Pattern.compile("申请"),
            SectionKind.REVIEW_LITIGATION, Pattern.compile("复议|诉讼"),
            SectionKind.PROBLEMS, Pattern.compile("问题|改进|不足"),
            SectionKind.OTHER_MATTERS, Pattern.compile("其他.{0,4}事项|需要报告|其他需要"));
    private static final Map<SectionKind, Pattern> TABLE_HEADERS = Map.of(
            SectionKind.PROACTIVE, ProactiveParser.HEADER,
            SectionKind.APPLICATIONS, ApplicationsParser.HEADER,
            SectionKind.REVIEW_LITIGATION, ReviewLitigationParser.HEADER);
    private static final String NUMERALS = "一二三四五六";
    /** Below this likeness a candidate is a sub-topic that merely shares a word. */
    private static final double MIN_LIKENESS = 0.2;
    /** At or above this likeness a second heading of the same kind is a duplicate section. */
    private static final double DUPLICATE_LIKENESS = 0.8;

    private record Candidate(int line, String text, String numeral, String title) {
    }

    private SectionFinder() {
    }

    /** The headings in document order, duplicates of a section included. */
    public static List<Heading> find(List<String> lines) {
        List<Candidate> candidates = candidates(lines);
        SectionKind[] kinds = SectionKind.values();
        int n = candidates.size();
        double[][] score = new double[n][kinds.length];
        for (int c = 0; c < n; c++) {
            int nextLine = c + 1 < n ? candidates.get(c + 1).line() : lines.size();
            for (SectionKind k : kinds) {
                score[c][k.ordinal()] = score(candidates.get(c), k, lines, nextLine);
            }
        }
        int[] chosen = bestAssignment(score, n, kinds.length);
        List<Heading> out = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        for (int c = 0; c < n; c++) {
            if (chosen[c] >= 0) {
                out.add(new Heading(kinds[chosen[c]], candidates.get(c).line(), candidates.get(c).text()));
                taken.add(c);
            }
        }
        for (int c = 0; c < n; c++) {
            Candidate cand = candidates.get(c);
            for (SectionKind k : kinds) {
                if (!taken.contains(c) && isDuplicate(cand, k) && out.stream().anyMatch(h -> h.kind() == k)) {
                    out.add(new Heading(k, cand.line(), cand.text()));
                    taken.add(c);
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return out;
    }

    private static List<Candidate> candidates(List<String> lines) {
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.length() > 200) {
                continue;
            }
            Matcher m = NUMBERED.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String numeral = m.group(1) != null ? m.group(1) : m.group(2);
            String title = TextNormalizer.compact(m.group(3));
            if (title.length() > MAX_TITLE) {
                // A heading run into its first sentence: the title ends at the first stop.
                int stop = firstStop(title);
                if (stop < 0 || stop > MAX_TITLE) {
                    continue;
                }
                title = title.substring(0, stop);
            }
            title = title.replaceAll("[。.:;,，]+$", "");
            if (title.length() >= 2) {
                out.add(new Candidate(i, line, numeral, title));
            }
        }
        return out;
    }

    private static int firstStop(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("。:;,".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static double score(Candidate c, SectionKind k, List<String> lines, int nextCandidateLine) {
        if (!KEY_WORDS.get(k).matcher(c.title()).find()) {
            return Double.NEGATIVE_INFINITY;
        }
        double likeness = dice(c.title(), k.templateTitle());
        if (likeness < MIN_LIKENESS) {
            return Double.NEGATIVE_INFINITY;
        }
        double s = likeness;
        if (c.numeral() != null) {
            s += c.numeral().equals(k.numeral()) ? 0.3 : -0.2;
        }
        Pattern table = TABLE_HEADERS.get(k);
        if (table != null && tableFollows(lines, c.line() + 1, nextCandidateLine, table)) {
            s += 0.5;
        }
        return s;
    }

    private static boolean tableFollows(List<String> lines, int from, int to, Pattern header) {
        for (int i = from; i < to; i++) {
            if (header.matcher(TextNormalizer.compact(lines.get(i))).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDuplicate(Candidate c, SectionKind k) {
        return KEY_WORDS.get(k).matcher(c.title()).find() && dice(c.title(), k.templateTitle()) >= DUPLICATE_LIKENESS
                && (c.numeral() == null || c.numeral().equals(k.numeral()));
    }

    /**
     * The assignment of candidates to kinds, each kind at most once, candidates and kinds both in
     * increasing order, with the greatest total score. Returns per candidate its kind index or -1.
     */
    private static int[] bestAssignment(double[][] score, int n, int kinds) {
        // best[c][k]: best total using candidates [0, c) with kinds [0, k) available.
        double[][] best = new double[n + 1][kinds + 1];
        for (int c = n - 1; c >= 0; c--) {
            for (int k = kinds - 1; k >= 0; k--) {
                double skipCandidate = best[c + 1][k];
                double skipKind = best[c][k + 1];
                double take = score[c][k] + best[c + 1][k + 1];
                best[c][k] = Math.max(Math.max(skipCandidate, skipKind), take);
            }
        }
        int[] chosen = new int[n];
        Arrays.fill(chosen, -1);
        int c = 0;
        int k = 0;
        while (c < n && k < kinds) {
            if (score[c][k] > 0 && best[c][k] == score[c][k] + best[c + 1][k + 1]) {
                chosen[c] = k;
                c++;
                k++;
            } else if (best[c][k] == best[c + 1][k]) {
                c++;
            } else {
                k++;
            }
        }
        return chosen;
    }

    /** Likeness of two titles: Dice coefficient over character bigrams. */
    static double dice(String a, String b) {
        if (a.length() < 2 || b.length() < 2) {
            return a.equals(b) ? 1 : 0;
        }
        List<String> x = bigrams(a);
        List<String> y = new ArrayList<>(bigrams(b));
        int common = 0;
        for (String g : x) {
            if (y.remove(g)) {
                common++;
            }
        }
        return 2.0 * common / (x.size() + y.size() + common);
    }

    private static List<String> bigrams(String s) {
        List<String> out = new ArrayList<>(s.length());
        for (int i = 0; i + 1 < s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        return out;
    }
}
