package org.wushe.statistics.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.access.RoleGroup;
import org.wushe.platform.ChinaTime;
import org.wushe.platform.InvalidParameterException;
import org.wushe.platform.XlsxDownload;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** The reports as xlsx for other systems: the same workbook as the page's buttons, for the same parameters. */
@RestController
@RequestMapping("/api/v1/statistics/reports")
@Tag(name = "Statistics")
@PreAuthorize(RoleGroup.Guard.STATISTICS_READERS) // before the parameters are read: a stranger gets 403, not 400
class ReportsApiController {

    private final Reports reports;
    private final Clock clock;

    ReportsApiController(Reports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/daily")
    @Operation(
            summary = "The daily report (日报) as xlsx",
            description = "date: an ISO date, not after today (China time). region: a region code inside the caller's"
                    + " scope (default: all of it). One row per district (per street for a district, per community"
                    + " for a street) and a total, laid out by the report template.")
    void daily(ReportQuery query, HttpServletResponse response, Locale locale) throws IOException {
        send(query, ReportPeriod.ReportKind.DAILY, response, locale);
    }

    @GetMapping("/monthly")
    @Operation(
            summary = "The monthly report (月报) as xlsx",
            description = "month: yyyy-MM, not after the current month. region: as for the daily report.")
    void monthly(ReportQuery query, HttpServletResponse response, Locale locale) throws IOException {
        send(query, ReportPeriod.ReportKind.MONTHLY, response, locale);
    }

    private void send(ReportQuery query, ReportPeriod.ReportKind kind, HttpServletResponse response, Locale locale)
            throws IOException {
        Map<String, InvalidValueException> refused = new LinkedHashMap<>();
        RegionCode region = query.regionCode(refused);
        ReportPeriod period = query.period(kind, LocalDate.now(clock.withZone(ChinaTime.ZONE)), refused);
        if (!refused.isEmpty()) {
            var first = refused.entrySet().iterator().next();
            throw new InvalidParameterException(first.getKey(), first.getValue());
        }
        send(reports.prepare(period, region, locale), response);
    }

    /** Headers only once the report is counted, so a refusal is still answered as a problem, not a download. */
    static void send(Reports.Report report, HttpServletResponse response) throws IOException {
        response.setContentType(XlsxDownload.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + report.fileName() + "\"");
        report.writeTo(response.getOutputStream());
    }
}
