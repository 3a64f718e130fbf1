package io.nianbao.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Names of China's administrative divisions by their GB/T 2260 行政区划代码, read once from the
 * vendored {@code regions/regions.tsv} (see {@code regions/SOURCE.md}: generated from a maintained
 * package by {@code scripts/regenerate-regions}, never typed by hand). A code is named only when the
 * file has it; nothing is guessed.
 */
public final class Regions {

    static final String RESOURCE = "regions/regions.tsv";

    /**
     * Upstream's city-level entries that group counties without being a place of their own
     * (a municipality's 市辖区 and 县, a province's directly administered counties): left out of full names.
     */
    private static final Set<String> GROUPINGS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

    /**
     * A division for pickers.
     *
     * @param code     its 6-digit code
     * @param name     its own name (南京市)
     * @param fullName with the divisions above it (江苏省南京市)
     * @param prefix   the code's significant digits (32, 3201, 320104): what a report's region code starts with
     */
    public record Region(String code, String name, String fullName, String prefix) {
    }

    /** 6-digit code → the division's own name, sorted by code. */
    private final NavigableMap<String, String> names;

    private Regions(NavigableMap<String, String> names) {
        this.names = Collections.unmodifiableNavigableMap(names);
    }

    /** The vendored divisions; fails at start-up when the resource is missing or malformed. */
    public static Regions load() {
        InputStream in = Regions.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + RESOURCE + " (scripts/regenerate-regions writes it)");
        }
        NavigableMap<String, String> names = new TreeMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String[] fields = line.split("\t");
                if (fields.length != 2 || !fields[0].matches("\\d{6}") || fields[1].isBlank()) {
                    throw new IllegalStateException(RESOURCE + ": malformed line " + line);
                }
                names.put(fields[0], fields[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Regions(names);
    }

    /**
     * The full name of a code or prefix: "32" → 江苏省, "3201" or "320100" → 江苏省南京市, "320104" →
     * 江苏省南京市秦淮区, "110101" → 北京市东城区; a 9- or 12-digit code by its first six digits.
     * Empty for null, malformed or unlisted codes.
     */
    public Optional<String> name(String code) {
        return sixDigits(code).flatMap(this::fullName);
    }

    /** For display: the full name, else 未知地区 when there is no code, else the code marked as not listed. */
    public String label(String code) {
        if (code == null || code.isBlank()) {
            return "未知地区";
        }
        return name(code).orElse("代码 " + code.strip() + "（未收录）");
    }

    /**
     * The divisions directly below a prefix, by code: provinces for null or blank, a province's cities
     * (the counties of its grouping entries in their place: 北京市 → 东城区 …, 湖北省 → … 仙桃市 …),
     * a city's counties. Empty for a county or an unlisted prefix.
     */
    public List<Region> children(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return regions(names.keySet().stream().filter(Regions::isProvince).toList());
        }
        Optional<String> six = sixDigits(prefix);
        if (six.isEmpty() || !names.containsKey(six.get())) {
            return List.of();
        }
        String code = six.get();
        if (isProvince(code)) {
            List<String> below = new ArrayList<>();
            for (String city : within(code.substring(0, 2)).stream().filter(Regions::isCity).toList()) {
                if (GROUPINGS.contains(names.get(city))) {
                    below.addAll(countiesOf(city));
                } else {
                    below.add(city);
                }
            }
            return regions(below);
        }
        return isCity(code) ? regions(countiesOf(code)) : List.of();
    }

    private List<String> countiesOf(String city) {
        return within(city.substring(0, 4)).stream().filter(code -> !code.equals(city)).toList();
    }

    /** The codes starting with {@code digits}, in order. */
    private List<String> within(String digits) {
        return List.copyOf(names.subMap(digits, true, digits + Character.MAX_VALUE, false).keySet());
    }

    private List<Region> regions(List<String> codes) {
        return codes.stream()
                .map(code -> new Region(code, names.get(code), fullName(code).orElseThrow(), prefixOf(code)))
                .toList();
    }

    private Optional<String> fullName(String code) {
        String province = names.get(code.substring(0, 2) + "0000");
        if (province == null || !names.containsKey(code)) {
            return Optional.empty();
        }
        StringBuilder full = new StringBuilder(province);
        if (isProvince(code)) {
            return Optional.of(full.toString());
        }
        String city = names.get(code.substring(0, 4) + "00");
        if (city != null && !GROUPINGS.contains(city)) {
            full.append(city);
        }
        if (!isCity(code)) {
            full.append(names.get(code));
        }
        return Optional.of(full.toString());
    }

    /** A code or prefix as the 6-digit code it stands for: 32 → 320000, 3201 → 320100, 320104123 → 320104. */
    private static Optional<String> sixDigits(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String digits = code.strip();
        if (!digits.matches("\\d+")) {
            return Optional.empty();
        }
        return switch (digits.length()) {
            case 2 -> Optional.of(digits + "0000");
            case 4 -> Optional.of(digits + "00");
            case 6, 9, 12 -> Optional.of(digits.substring(0, 6));
            default -> Optional.empty();
        };
    }

    private static String prefixOf(String code) {
        return isProvince(code) ? code.substring(0, 2) : isCity(code) ? code.substring(0, 4) : code;
    }

    private static boolean isProvince(String code) {
        return code.endsWith("0000");
    }

    private static boolean isCity(String code) {
        return !isProvince(code) && code.endsWith("00");
    }

    /** How many divisions are listed. */
    public int size() {
        return names.size();
    }
}
