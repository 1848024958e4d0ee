package org.wushe.residents.register;

import java.util.List;

/** One page of the register (1-based) with the total of the filtered list. */
record ResidentPage(List<ResidentRow> rows, int page, int size, long total) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
