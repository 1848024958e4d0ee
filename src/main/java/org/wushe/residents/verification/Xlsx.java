package org.wushe.residents.verification;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.wushe.platform.XlsxDownload;

/** The campaign's spreadsheets: stored workbooks (template, error report) and the streamed results export. */
@Component
class Xlsx {

    private static final List<String> EXPORT_COLUMNS = List.of(
            "community",
            "communityName",
            "name",
            "idNumber",
            "phone",
            "address",
            "category",
            "onRegister",
            "outcome",
            "correctedPhone",
            "correctedAddress",
            "correctedCategory",
            "note",
            "recordedBy",
            "recordedAt");

    private final VerificationCampaigns campaigns;
    private final MessageSource messages;
    private final Clock clock;

    Xlsx(VerificationCampaigns campaigns, MessageSource messages, Clock clock) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.clock = clock;
    }

    static ResponseEntity<byte[]> file(byte[] content, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XlsxDownload.CONTENT_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(content);
    }

    /** Streams the campaign's results in the caller's scope, masked, in the page's language. */
    void export(long campaignId, Locale locale, HttpServletResponse response) throws IOException {
        try (XlsxDownload xlsx = new XlsxDownload(
                msg("residents.campaign.export.sheet", locale),
                EXPORT_COLUMNS.stream()
                        .map(c -> msg("residents.campaign.export." + c, locale))
                        .toList())) {
            campaigns.export(
                    campaignId,
                    (TaskDetails t) -> xlsx.row(
                            t.communityCode(),
                            t.communityName(),
                            t.maskedName(),
                            t.maskedIdNumber(),
                            t.maskedPhone(),
                            t.address(),
                            t.category() == null ? null : msg("residents.campaign.category." + t.category(), locale),
                            msg(t.onRegister() ? "residents.campaign.yes" : "residents.campaign.no", locale),
                            t.outcome() == null
                                    ? msg("residents.campaign.status.OPEN", locale)
                                    : msg("residents.campaign.outcome." + t.outcome(), locale),
                            t.maskedCorrectedPhone(),
                            t.correctedAddress(),
                            t.correctedCategory() == null
                                    ? null
                                    : msg("residents.campaign.category." + t.correctedCategory(), locale),
                            t.note(),
                            t.recordedBy(),
                            t.recordedAt() == null ? null : Dates.format(t.recordedAt())));
            xlsx.sendAs(response, "verification-" + campaignId, clock);
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
