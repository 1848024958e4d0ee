package org.wushe.directory.organisations;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.wushe.platform.ChinaTime;
import org.wushe.platform.XlsxDownload;

/** The organisation export's columns: headers and enumeration labels from the message bundle. */
final class OrganisationWorkbook {

    static final List<String> COLUMNS =
            List.of("id", "name", "type", "creditCode", "region", "address", "contactPerson", "status", "verifiedAt");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    private OrganisationWorkbook() {}

    static XlsxDownload create(MessageSource messages, Locale locale) {
        return new XlsxDownload(
                messages.getMessage("directory.export.sheet", null, locale),
                COLUMNS.stream()
                        .map(c -> messages.getMessage("directory.column." + c, null, locale))
                        .toList());
    }

    static void add(XlsxDownload sheet, OrganisationRow o, String regionName, MessageSource messages, Locale locale) {
        sheet.row(
                o.id(),
                o.name(),
                messages.getMessage("directory.orgType." + o.type().name(), null, locale),
                o.creditCode(),
                regionName,
                o.address(),
                o.contactPerson(),
                messages.getMessage("directory.status." + o.status().name(), null, locale),
                o.verifiedAt() == null ? null : TIME.format(o.verifiedAt()));
    }
}
