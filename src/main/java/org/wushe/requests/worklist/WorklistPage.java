package org.wushe.requests.worklist;

import java.util.List;

/** A keyset page: {@code next} is the cursor of the following page, null on the last one. */
public record WorklistPage(List<HelpRequestRow> rows, Long next, long total, boolean totalCapped) {}
