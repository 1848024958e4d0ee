package org.wushe.directory.volunteers;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wushe.directory.RegionNames;
import org.wushe.directory.VolunteerStatus;
import org.wushe.platform.ChinaTime;
import org.wushe.platform.XlsxDownload;

/** Writes the volunteers of a status (or all) as a streamed xlsx: names masked, no ID number or phone. */
@Component
class VolunteerExport {

    private static final List<String> COLUMNS =
            List.of("id", "name", "region", "skills", "status", "passportNo", "registeredAt");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    private final Volunteers volunteers;
    private final MessageSource messages;
    private final Clock clock;
    private final RegionNames regionNames;

    VolunteerExport(Volunteers volunteers, MessageSource messages, Clock clock, RegionNames regionNames) {
        this.volunteers = volunteers;
        this.messages = messages;
        this.clock = clock;
        this.regionNames = regionNames;
    }

    void write(VolunteerStatus status, HttpServletResponse response, Locale locale) throws IOException {
        try (XlsxDownload sheet = new XlsxDownload(
                msg("nav.volunteers", locale),
                COLUMNS.stream()
                        .map(c -> msg("directory.volunteer.export." + c, locale))
                        .toList())) {
            var regionName = regionNames.cached();
            volunteers.export(
                    status,
                    v -> sheet.row(
                            v.id(),
                            v.maskedName(),
                            regionName.apply(v.regionCode()),
                            v.skills().stream()
                                    .map(s -> msg("directory.skill." + s, locale))
                                    .collect(Collectors.joining("、")),
                            msg("directory.volunteerStatus." + v.status(), locale),
                            v.passportNo(),
                            TIME.format(v.createdAt())));
            sheet.sendAs(response, "volunteers", clock);
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
