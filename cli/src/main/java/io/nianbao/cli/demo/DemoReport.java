package io.nianbao.cli.demo;

/**
 * A report as a portal would publish it: the document and what the portal knows about it.
 *
 * @param name      a short label for output, e.g. "seeds/2023-xiushan-county-gov-office"
 * @param agencyId  stable id of the agency (the topic key)
 * @param level     DEPARTMENT, GOVERNMENT or TOWNSHIP, or null
 * @param publishedOn ISO date, or null
 */
public record DemoReport(String name, String agencyId, String agencyName, String level, String publishedOn,
                         String fileName, byte[] document) {
}
