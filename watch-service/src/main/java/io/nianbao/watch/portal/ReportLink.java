package io.nianbao.watch.portal;

import java.time.LocalDate;

/**
 * A link on a column's listing to an annual report.
 *
 * @param agencyId    whose report it is: the column's agency, or for a department column the one its title names
 * @param publishedOn the date the listing gives beside it; null when it gives none
 */
public record ReportLink(String url, String title, int year, String agencyId, LocalDate publishedOn) {
}
