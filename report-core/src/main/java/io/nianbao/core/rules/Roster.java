package io.nianbao.core.rules;

import io.nianbao.core.model.AgencyLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agencies expected to publish every year, by agency id (the topics' key): validate-service
 * raises PUB-MISSING from it, notify-service lists it in the region overview. Read from a CSV file
 * with the columns {@code agencyId,agencyName,level[,region[,regionCode]]}: level is DEPARTMENT,
 * GOVERNMENT or TOWNSHIP; region (may be empty) names the township deadline to apply; regionCode
 * (may be empty) is the agency's GB/T 2260 行政区划 code, e.g. 320104. Lines starting with
 * {@code #} and a header line starting with {@code agencyId} are skipped.
 */
public record Roster(Map<String, RosterEntry> byAgencyId) {

    public static final Roster EMPTY = new Roster(Map.of());

    public Roster {
        byAgencyId = Map.copyOf(byAgencyId);
    }

    public static Roster load(Path csv) {
        try {
            return parse(csv.toString(), Files.readAllLines(csv));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the roster " + csv, e);
        }
    }

    /** @param source what the lines come from, for the message of a malformed line */
    public static Roster parse(String source, List<String> lines) {
        Map<String, RosterEntry> entries = new LinkedHashMap<>();
        int number = 0;
        for (String line : lines) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith("agencyId")) {
                continue;
            }
            String[] fields = text.split(",", -1);
            if (fields.length < 3 || fields.length > 5) {
                throw new IllegalArgumentException(source + ":" + number + ": expected agencyId,agencyName,level[,region[,regionCode]]");
            }
            AgencyLevel level;
            try {
                level = AgencyLevel.valueOf(fields[2].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + number + ": level is DEPARTMENT, GOVERNMENT or TOWNSHIP, not " + fields[2].strip());
            }
            entries.put(fields[0].strip(), new RosterEntry(fields[1].strip(), level, optional(fields, 3), optional(fields, 4)));
        }
        return new Roster(entries);
    }

    private static String optional(String[] fields, int index) {
        return fields.length > index && !fields[index].isBlank() ? fields[index].strip() : null;
    }

    public RosterEntry entry(String agencyId) {
        return byAgencyId.get(agencyId);
    }

    /** The region the roster gives the agency, or null. */
    public String regionOf(String agencyId) {
        RosterEntry entry = byAgencyId.get(agencyId);
        return entry == null ? null : entry.region();
    }

    public Collection<String> agencyIds() {
        return byAgencyId.keySet();
    }
}
