package org.wushe.audit.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.wushe.audit.AuditEntry;
import org.wushe.platform.ChinaTime;
import org.wushe.platform.XlsxDownload;

/**
 * The audit export's columns: headers, action names, actors, record types and fields from the message bundle, times
 * in Shanghai.
 */
final class AuditWorkbook {

    static final List<String> COLUMNS = List.of(
            "id", "time", "actor", "action", "entityType", "entityId", "region", "clientAddress", "reason", "fields");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ChinaTime.ZONE);

    private AuditWorkbook() {}

    static XlsxDownload create(MessageSource messages, Locale locale) {
        return new XlsxDownload(
                messages.getMessage("audit.export.sheet", null, locale),
                COLUMNS.stream()
                        .map(c -> messages.getMessage("audit.column." + c, null, locale))
                        .toList());
    }

    /** One row: actor, record type and fields in words (the region stays a code: one query per row is too dear). */
    static void add(XlsxDownload sheet, AuditEntry e, MessageSource messages, AuditLabels labels, Locale locale) {
        sheet.row(
                e.id(),
                TIME.format(e.occurredAt()),
                labels.actor(e.actor(), locale),
                messages.getMessage(
                        "audit.action." + e.action().name(), null, e.action().name(), locale),
                labels.entity(e.entityType(), locale),
                e.entityId(),
                e.regionCode(),
                e.clientAddress(),
                e.reason(),
                String.join(", ", labels.fields(e.fields(), locale)));
    }
}
