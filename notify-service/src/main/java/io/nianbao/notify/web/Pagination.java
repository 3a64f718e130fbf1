package io.nianbao.notify.web;

/**
 * Which page of the inbox's reports is shown: its number (from 1) among how many, and the totals
 * the filter matched. A page number past the last shows the last page, before the first the first.
 */
public record Pagination(int number, int pageSize, long reports, long findings) {

    static Pagination of(Integer requested, int pageSize, long reports, long findings) {
        int pages = pagesOf(reports, pageSize);
        return new Pagination(requested == null ? 1 : Math.clamp(requested, 1, pages), pageSize, reports, findings);
    }

    /** How many pages the reports fill; one even when there are none, so that "第 1/1 页" reads right. */
    public int pages() {
        return pagesOf(reports, pageSize);
    }

    /** How many reports come before this page's. */
    public long offset() {
        return (long) (number - 1) * pageSize;
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }

    private static int pagesOf(long reports, int pageSize) {
        return (int) Math.max(1, (reports + pageSize - 1) / pageSize);
    }
}
