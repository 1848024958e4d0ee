package org.wushe.directory.organisations;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wushe.platform.XlsxDownload;

/** Writes the filtered organisations as an xlsx attachment (shared by the page and the API). */
@Component
class OrganisationExport {


    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;

    OrganisationExport(Organisations organisations, MessageSource messages, Clock clock) {
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    void write(OrganisationFilter filter, HttpServletResponse response, Locale locale) throws IOException {
        try (XlsxDownload sheet = OrganisationWorkbook.create(messages, locale)) {
            organisations.export(filter, row -> OrganisationWorkbook.add(sheet, row, messages, locale));
            sheet.sendAs(response, "organisations", clock);
        }
    }
}
