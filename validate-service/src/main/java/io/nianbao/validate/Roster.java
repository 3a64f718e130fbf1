package io.nianbao.validate;

import io.nianbao.core.model.AgencyLevel;
import io.nianbao.core.rules.RosterEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agencies expected to publish every year, by agency id (the topics' key). Read from a CSV
 * file with the columns {@code agencyId,agencyName,level,region}: level is DEPARTMENT, GOVERNMENT
 * or TOWNSHIP; region (may be empty) names the township deadline to apply. Lines starting with
 * {@code #} and a header line starting with {@code agencyId} are skipped.
 */
public record Roster(Map<String, RosterEntry> byAgencyId) {

    public static final Roster EMPTY = new Roster(Map.of());

    public Roster {
        byAgencyId = Map.copyOf(byAgencyId);
    }

    public static Roster load(Path csv) {
        Map<String, RosterEntry> entries = new LinkedHashMap<>();
        try {
            int number = 0;
            for (String line : Files.readAllLines(csv)) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#") || text.startsWith("agencyId")) {
                    continue;
                }
                String[] fields = text.split(",", -1);
                if (fields.length < 3 || fields.length > 4) {
                    throw new IllegalArgumentException(csv + ":" + number + ": expected agencyId,agencyName,level[,region]");
                }
                String region = fields.length == 4 && !fields[3].isBlank() ? fields[3].strip() : null;
                entries.put(fields[0].strip(), new RosterEntry(fields[1].strip(), AgencyLevel.valueOf(fields[2].strip()), region));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the roster " + csv, e);
        }
        return new Roster(entries);
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
