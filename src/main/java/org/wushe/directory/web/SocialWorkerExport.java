package org.wushe.directory.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.wushe.directory.SocialWorkerFilter;
import org.wushe.directory.SocialWorkerRow;
import org.wushe.directory.SocialWorkers;

/**
 * Writes the filtered social workers as an xlsx attachment (streamed with SXSSF; ID numbers and phones masked;
 * formula-like cells neutralised). Shared by the page and the API.
 */
@Component
class SocialWorkerExport {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final List<String> COLUMNS = List.of("name", "idNumber", "sex", "birthDate", "phone",
            "qualification", "certificateNo", "specialties", "partyMember", "availability", "regionCode",
            "organisations");

    private final SocialWorkers socialWorkers;
    private final MessageSource messages;
    private final Clock clock;

    SocialWorkerExport(SocialWorkers socialWorkers, MessageSource messages, Optional<Clock> clock) {
        this.socialWorkers = socialWorkers;
        this.messages = messages;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    void write(SocialWorkerFilter filter, HttpServletResponse response, Locale locale) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(msg("directory.socialWorker.export.sheet", locale));
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("ID");
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i + 1).setCellValue(msg("directory.socialWorker.column." + COLUMNS.get(i), locale));
            }
            int[] next = {1};
            socialWorkers.export(filter, w -> {
                Row row = sheet.createRow(next[0]++);
                row.createCell(0).setCellValue(w.id());
                String[] values = values(w, locale);
                for (int i = 0; i < values.length; i++) {
                    row.createCell(i + 1).setCellValue(OrganisationWorkbook.neutralised(values[i]));
                }
            });
            response.setContentType(CONTENT_TYPE);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("social-workers-" + LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Shanghai")))
                            .format(FILE_TIME) + ".xlsx")
                    .build().toString());
            workbook.write(response.getOutputStream());
        }
    }

    private String[] values(SocialWorkerRow w, Locale locale) {
        return new String[] {w.name(), w.maskedIdNumber(), msg("directory.sex." + w.sex(), locale),
                w.birthDate().toString(), w.maskedPhone(), msg("directory.qualification." + w.qualification(), locale),
                w.certificateNo(), w.specialties().stream().map(s -> msg("directory.specialty." + s, locale))
                        .collect(Collectors.joining("、")),
                msg(w.partyMember() ? "directory.import.yes" : "directory.import.no", locale),
                msg("directory.availability." + w.availability(), locale), w.regionCode(),
                String.join("、", w.organisations())};
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
