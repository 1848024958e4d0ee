package org.wushe.audit.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.wushe.access.AccountNames;
import org.wushe.access.KnownRegions;
import org.wushe.audit.AuditEntry;
import org.wushe.platform.ChinaTime;
import org.wushe.platform.XlsxDownload;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * The audit export's rows: actors and regions by name, each with its stored code in a column of its own (an
 * auditor filters and matches on those), actions, record types, fields and code-written reasons in words, times in
 * Shanghai. Rows are written a batch at a time: the names of a batch's new regions and usernames are read in one
 * query each and kept, so a million-row export costs a few thousand look-ups, not two per row.
 */
final class AuditWorkbook implements Consumer<AuditEntry> {

    static final List<String> COLUMNS = List.of(
            "id",
            "time",
            "actor",
            "actorUsername",
            "action",
            "entityType",
            "entityId",
            "region",
            "regionCode",
            "clientAddress",
            "reason",
            "fields");
    static final int BATCH = 1_000;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ChinaTime.ZONE);

    private final XlsxDownload sheet;
    private final MessageSource messages;
    private final AuditLabels labels;
    private final KnownRegions regions;
    private final AccountNames accounts;
    private final Locale locale;
    private final List<AuditEntry> batch = new ArrayList<>(BATCH);
    /** Names looked up so far; a key mapped to null was looked up and has none (the code is shown). */
    private final Map<String, String> regionNames = new HashMap<>();

    private final Map<String, String> people = new HashMap<>();

    AuditWorkbook(
            XlsxDownload sheet,
            MessageSource messages,
            AuditLabels labels,
            KnownRegions regions,
            AccountNames accounts,
            Locale locale) {
        this.sheet = sheet;
        this.messages = messages;
        this.labels = labels;
        this.regions = regions;
        this.accounts = accounts;
        this.locale = locale;
    }

    static XlsxDownload create(MessageSource messages, Locale locale) {
        return new XlsxDownload(
                messages.getMessage("audit.export.sheet", null, locale),
                COLUMNS.stream()
                        .map(c -> messages.getMessage("audit.column." + c, null, locale))
                        .toList());
    }

    @Override
    public void accept(AuditEntry entry) {
        batch.add(entry);
        if (batch.size() == BATCH) {
            flush();
        }
    }

    /** Writes what is still buffered; call once after the last row. */
    void flush() {
        resolveNames();
        batch.forEach(this::write);
        batch.clear();
    }

    private void resolveNames() {
        Map<RegionCode, String> wanted = new HashMap<>();
        batch.stream()
                .map(AuditEntry::regionCode)
                .filter(c -> c != null && !regionNames.containsKey(c))
                .distinct()
                .forEach(c -> {
                    regionNames.put(c, null);
                    try {
                        wanted.put(RegionCode.parse(c), c);
                    } catch (InvalidValueException e) {
                        // not a code: shown as stored
                    }
                });
        if (!wanted.isEmpty()) {
            regions.names(wanted.keySet()).forEach((code, name) -> regionNames.put(wanted.get(code), name));
        }
        List<String> usernames = batch.stream()
                .map(AuditEntry::actor)
                .filter(a -> a != null && !people.containsKey(a) && Objects.equals(labels.actor(a, locale), a))
                .distinct()
                .toList();
        usernames.forEach(u -> people.put(u, null));
        people.putAll(accounts.displayNamesByUsername(usernames));
    }

    private void write(AuditEntry e) {
        String actor = labels.actor(e.actor(), locale);
        String person = people.get(e.actor());
        String region = e.regionCode() == null ? null : regionNames.get(e.regionCode());
        sheet.row(
                e.id(),
                TIME.format(e.occurredAt()),
                person != null ? person : actor,
                e.actor(),
                messages.getMessage(
                        "audit.action." + e.action().name(), null, e.action().name(), locale),
                labels.entity(e.entityType(), locale),
                e.entityId(),
                region != null ? region : e.regionCode(),
                e.regionCode(),
                e.clientAddress(),
                labels.reason(e.reason(), locale),
                String.join(", ", labels.fields(e.fields(), locale)));
    }
}
