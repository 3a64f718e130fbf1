package io.nianbao.core.rules;

import io.nianbao.core.parse.TextNormalizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading the prose of a report: normalising what extraction does to it (full-width forms,
 * traditional characters with pinyin glosses, lines broken by PDF layout, spaces around digits),
 * cutting it into sentences and clauses, and finding the counts a clause quotes.
 */
final class Prose {

    private Prose() {
    }

    // Compiled once: the rules cut every section of every report with these.
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SPACE_BESIDE_NON_DIGIT = Pattern.compile("(?<=\\D) | (?=\\D)");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern SPACE_OR_PUNCTUATION = Pattern.compile("[\\s\\p{P}\\p{S}]+");
    private static final Pattern PAGE_NUMBER = Pattern.compile("^-\\s*\\d+\\s*-$");
    private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d)[,，](?=\\d{3}(?!\\d))");
    /** A PDF wraps lines at about 30 characters; a line this long without a full stop continues. */
    private static final int WRAPPED_LINE = 12;
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；!?;]");
    private static final Pattern CLAUSE_END = Pattern.compile("[，,]");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.])(\\d+(?:\\.\\d+)?)(%|(?<!第\\d{0,9})(?:件|宗|份|起|条|篇|部(?!门)))?");
    /** How far from its keyword a quoted count may stand and still be about it. */
    private static final int AFTER_KEYWORD = 15;
    private static final int BEFORE_KEYWORD = 10;

    /** The parser's canonical form (simplified, no pinyin glosses, ASCII digits), without thousands separators. */
    static String normalize(String raw) {
        return THOUSANDS.matcher(TextNormalizer.normalize(raw)).replaceAll("");
    }

    /** Removes spaces except those separating two numbers ("2024 年" → "2024年", "0 0" stays). */
    static String compact(String s) {
        return SPACE_BESIDE_NON_DIGIT.matcher(WHITESPACE.matcher(s).replaceAll(" ")).replaceAll("").strip();
    }

    /** The text without any whitespace, for comparing wording. */
    static String squeeze(String raw) {
        return WHITESPACE.matcher(normalize(raw)).replaceAll("");
    }

    /** Sentences of a text, with lines broken by layout joined again. */
    static List<String> sentences(String raw) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        for (String line : LINE_BREAK.split(normalize(raw))) {
            String l = line.strip();
            if (PAGE_NUMBER.matcher(l).matches()) {
                continue;
            }
            block.append(l).append(' ');
            boolean continues = l.length() >= WRAPPED_LINE && !SENTENCE_END.matcher(l).region(l.length() - 1, l.length()).matches();
            if (!continues) {
                blocks.add(block.toString());
                block.setLength(0);
            }
        }
        blocks.add(block.toString());
        List<String> out = new ArrayList<>();
        for (String b : blocks) {
            for (String s : SENTENCE_END.split(compact(b))) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    static List<String> clauses(String sentence) {
        return List.of(CLAUSE_END.split(sentence));
    }

    /**
     * The counts a clause quotes for a keyword: the first number after the keyword (or, when none
     * follows, the last before it), provided it is close and written as a count ("17件"). A
     * percentage, a year or a bare number next to the keyword means the clause quotes no count;
     * so does a count in a unit not among {@code units} (null: any).
     */
    static List<Long> quotedCounts(String clause, Pattern keyword, Set<String> units) {
        List<NumberToken> numbers = new ArrayList<>();
        Matcher n = NUMBER.matcher(clause);
        while (n.find()) {
            numbers.add(new NumberToken(n.start(), n.end(), n.group(1), n.group(2)));
        }
        List<Long> out = new ArrayList<>();
        Matcher k = keyword.matcher(clause);
        while (k.find()) {
            NumberToken chosen = null;
            for (NumberToken t : numbers) {
                if (t.start() >= k.end()) {
                    chosen = t.start() - k.end() <= AFTER_KEYWORD ? t : null;
                    break;
                }
            }
            if (chosen == null) {
                for (NumberToken t : numbers) {
                    if (t.end() <= k.start() && k.start() - t.end() <= BEFORE_KEYWORD) {
                        chosen = t;
                    }
                }
            }
            if (chosen != null && chosen.isCount() && (units == null || units.contains(chosen.unit()))) {
                out.add(Long.parseLong(chosen.digits()));
            }
        }
        return out;
    }

    private record NumberToken(int start, int end, String digits, String unit) {
        boolean isCount() {
            return unit != null && !unit.equals("%") && !digits.contains(".");
        }
    }

    /** Character n-grams of a text without spaces and punctuation, for similarity across years. */
    static Set<String> shingles(String raw, int n) {
        String s = SPACE_OR_PUNCTUATION.matcher(normalize(raw)).replaceAll("");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + n <= s.length(); i++) {
            out.add(s.substring(i, i + n));
        }
        return out;
    }
}
