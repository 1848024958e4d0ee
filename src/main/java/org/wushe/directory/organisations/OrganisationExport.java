package org.wushe.directory.organisations;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wushe.directory.RegionNames;
import org.wushe.platform.XlsxDownload;

/** Writes the filtered organisations as an xlsx attachment, regions by name (shared by the page and the API). */
@Component
class OrganisationExport {

    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;
    private final RegionNames regionNames;

    OrganisationExport(Organisations organisations, MessageSource messages, Clock clock, RegionNames regionNames) {
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
        this.regionNames = regionNames;
    }

    void write(OrganisationFilter filter, HttpServletResponse response, Locale locale) throws IOException {
        try (XlsxDownload sheet = OrganisationWorkbook.create(messages, locale)) {
            var names = regionNames.cached();
            organisations.export(
                    filter,
                    row -> OrganisationWorkbook.add(sheet, row, names.apply(row.regionCode()), messages, locale));
            sheet.sendAs(response, "organisations", clock);
        }
    }
}
