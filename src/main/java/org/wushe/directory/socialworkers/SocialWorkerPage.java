package org.wushe.directory.socialworkers;

import java.util.List;

/** One page of social workers with the total the caller may see (page is 1-based). */
record SocialWorkerPage(List<SocialWorkerRow> rows, int page, int size, long total) {

    public SocialWorkerPage {
        rows = List.copyOf(rows);
    }

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
