package org.wushe.directory.organisations;

import java.util.List;
import java.util.stream.IntStream;

/** The pager under the table: links keep the filters; a window of page numbers around the current one. */
record OrganisationPager(
        int page,
        int totalPages,
        List<Integer> numbers,
        String previous,
        String next,
        OrganisationQuery query,
        int size) {

    static final int WINDOW = 3;

    static OrganisationPager of(OrganisationPage result, OrganisationQuery query) {
        int last = result.totalPages();
        int page = result.page();
        List<Integer> numbers = IntStream.rangeClosed(Math.max(1, page - WINDOW), Math.min(last, page + WINDOW))
                .boxed()
                .toList();
        return new OrganisationPager(
                page,
                last,
                numbers,
                page > 1 ? query.link("/organisations", page - 1, result.size()) : null,
                page < last ? query.link("/organisations", page + 1, result.size()) : null,
                query,
                result.size());
    }

    public String link(int number) {
        return query.link("/organisations", number, size);
    }

    public String export() {
        return query.link("/organisations/export", null, null);
    }
}
