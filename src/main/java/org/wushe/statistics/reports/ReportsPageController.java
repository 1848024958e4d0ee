package org.wushe.statistics.reports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.wushe.access.RoleGroup;
import org.wushe.platform.ChinaTime;
import org.wushe.platform.ResourceNotFoundException;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * The reports page {@code /statistics/reports}: a form with a day, a month and a region, and a download button for
 * each report. A refused value (or a region outside the caller's scope) comes back on the form, under its field.
 */
@Controller
@RequestMapping("/statistics/reports")
@PreAuthorize(RoleGroup.Guard.STATISTICS_READERS)
class ReportsPageController {

    private final Reports reports;
    private final MessageSource messages;
    private final Clock clock;

    ReportsPageController(Reports reports, MessageSource messages, Clock clock) {
        this.reports = reports;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page(ReportQuery query, Model model) {
        return form(query, Map.of(), model);
    }

    @GetMapping("/{kind:daily|monthly}")
    String download(
            @PathVariable String kind, ReportQuery query, Model model, HttpServletResponse response, Locale locale)
            throws IOException {
        Map<String, InvalidValueException> refused = new LinkedHashMap<>();
        RegionCode region = query.regionCode(refused);
        ReportPeriod period =
                query.period(ReportPeriod.ReportKind.valueOf(kind.toUpperCase(Locale.ROOT)), today(), refused);
        Map<String, String> errors = new LinkedHashMap<>();
        refused.forEach((field, e) ->
                errors.put(field, messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale)));
        Reports.Report report = null;
        if (errors.isEmpty()) {
            try {
                report = reports.prepare(period, region, locale);
            } catch (ResourceNotFoundException e) { // outside the scope, or no such region: said on the form
                errors.put("region", messages.getMessage(e.messageKey(), e.arguments(), locale));
            }
        }
        if (report == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(query, errors, model);
        }
        ReportsApiController.send(report, response);
        return null;
    }

    private String form(ReportQuery query, Map<String, String> errors, Model model) {
        LocalDate today = today();
        model.addAttribute("query", query);
        model.addAttribute("date", query.date() != null ? query.date() : today.toString());
        model.addAttribute(
                "month",
                query.month() != null ? query.month() : YearMonth.from(today).toString());
        model.addAttribute("today", today);
        model.addAttribute("errors", errors);
        return "statistics/reports/reports";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ChinaTime.ZONE));
    }
}
