package org.wushe.residents.verification;

import java.util.List;

/** One page of a worklist with the total of the filtered list. */
record TaskPage(List<TaskRow> rows, long total, int page, int size) {

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }
}
