package org.wushe.directory.organisations;

import java.util.List;

/**
 * One page of organisations with the total the caller may see.
 *
 * @param page 1-based
 */
public record OrganisationPage(List<OrganisationRow> rows, int page, int size, long total) {

    public OrganisationPage {
        rows = List.copyOf(rows);
    }

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
