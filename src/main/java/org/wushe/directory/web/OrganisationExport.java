package org.wushe.directory.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.wushe.directory.OrganisationFilter;
import org.wushe.directory.Organisations;

/** Writes the filtered organisations as an xlsx attachment (shared by the page and the API). */
@Component
class OrganisationExport {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;

    OrganisationExport(Organisations organisations, MessageSource messages, Optional<Clock> clock) {
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    void write(OrganisationFilter filter, HttpServletResponse response, Locale locale) throws IOException {
        try (OrganisationWorkbook workbook = new OrganisationWorkbook(messages, locale)) {
            organisations.export(filter, workbook::add);
            response.setContentType(OrganisationWorkbook.CONTENT_TYPE);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("organisations-" + LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Shanghai")))
                            .format(FILE_TIME) + ".xlsx")
                    .build().toString());
            workbook.writeTo(response.getOutputStream());
        }
    }
}
