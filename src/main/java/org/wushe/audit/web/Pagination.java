package org.wushe.audit.web;

import java.util.List;
import java.util.stream.IntStream;
import org.wushe.audit.AuditPage;

/**
 * The pager under the table: links keep the filters; a window of page numbers around the current one.
 *
 * @param numbers the page numbers to show as links, at most {@value #WINDOW} each side of the current page
 */
record Pagination(
        int page, int totalPages, List<Integer> numbers, String previous, String next, AuditFilter filter, int size) {

    static final int WINDOW = 3;

    static Pagination of(AuditPage result, AuditFilter filter) {
        int last = result.totalPages();
        int page = result.page();
        List<Integer> numbers = IntStream.rangeClosed(Math.max(1, page - WINDOW), Math.min(last, page + WINDOW))
                .boxed()
                .toList();
        return new Pagination(
                page,
                last,
                numbers,
                page > 1 ? filter.link("/audit", page - 1, result.size()) : null,
                page < last ? filter.link("/audit", page + 1, result.size()) : null,
                filter,
                result.size());
    }

    public String link(int number) {
        return filter.link("/audit", number, size);
    }

    public String export() {
        return filter.link("/audit/export", null, null);
    }
}
