package org.wushe.directory.socialworkers;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wushe.directory.RegionNames;
import org.wushe.platform.XlsxDownload;

/**
 * Writes the filtered social workers as an xlsx attachment (streamed with SXSSF; ID numbers and phones masked;
 * regions by name; optional fields empty; formula-like cells neutralised). Shared by the page and the API.
 */
@Component
class SocialWorkerExport {

    private static final List<String> COLUMNS = List.of(
            "name",
            "idNumber",
            "sex",
            "birthDate",
            "phone",
            "qualification",
            "certificateNo",
            "specialties",
            "partyMember",
            "availability",
            "regionCode",
            "organisations");

    private final SocialWorkers socialWorkers;
    private final MessageSource messages;
    private final Clock clock;
    private final RegionNames regionNames;

    SocialWorkerExport(SocialWorkers socialWorkers, MessageSource messages, Clock clock, RegionNames regionNames) {
        this.socialWorkers = socialWorkers;
        this.messages = messages;
        this.clock = clock;
        this.regionNames = regionNames;
    }

    void write(SocialWorkerFilter filter, HttpServletResponse response, Locale locale) throws IOException {
        List<String> headers = new ArrayList<>(List.of("ID"));
        COLUMNS.forEach(c -> headers.add(msg("directory.socialWorker.column." + c, locale)));
        try (XlsxDownload sheet = new XlsxDownload(msg("directory.socialWorker.export.sheet", locale), headers)) {
            Function<String, String> regionName = regionNames.cached();
            socialWorkers.export(filter, w -> {
                List<Object> row = new ArrayList<>(List.of(w.id()));
                // Arrays.asList: optional fields (phone, certificate) are null, which List.of refuses (it was a 500)
                row.addAll(Arrays.asList((Object[]) values(w, regionName, locale)));
                sheet.row(row.toArray());
            });
            sheet.sendAs(response, "social-workers", clock);
        }
    }

    private String[] values(SocialWorkerRow w, Function<String, String> regionName, Locale locale) {
        return new String[] {
            w.name(),
            w.maskedIdNumber(),
            msg("directory.sex." + w.sex(), locale),
            w.birthDate().toString(),
            w.maskedPhone(),
            msg("directory.qualification." + w.qualification(), locale),
            w.certificateNo(),
            w.specialties().stream()
                    .map(s -> msg("directory.specialty." + s, locale))
                    .collect(Collectors.joining("、")),
            msg(w.partyMember() ? "directory.import.yes" : "directory.import.no", locale),
            msg("directory.availability." + w.availability(), locale),
            regionName.apply(w.regionCode()),
            String.join("、", w.organisations())
        };
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
