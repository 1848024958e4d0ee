package org.wushe.residents.visits;

import java.util.List;

/** One page of the overdue-visits list with its total. */
record OverduePage(List<OverdueVisit> rows, int page, int size, long total) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
