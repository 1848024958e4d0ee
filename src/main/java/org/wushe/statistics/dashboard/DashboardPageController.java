package org.wushe.statistics.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.wushe.platform.ChinaTime;
import org.wushe.platform.ResourceNotFoundException;
import org.wushe.platform.XlsxDownload;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** The dashboard page {@code /statistics} and the xlsx of each of its charts. */
@Controller
@RequestMapping("/statistics")
class DashboardPageController {

    private final Dashboard dashboard;
    private final MessageSource messages;
    private final Clock clock;

    DashboardPageController(Dashboard dashboard, MessageSource messages, Clock clock) {
        this.dashboard = dashboard;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page(DashboardQuery query, Model model, Locale locale) {
        Map<String, InvalidValueException> refused = new LinkedHashMap<>();
        RegionCode region = query.regionCode(refused);
        Period period = query.period(LocalDate.now(clock.withZone(ChinaTime.ZONE)), refused);
        Map<String, String> errors = new LinkedHashMap<>();
        refused.forEach((field, e) ->
                errors.put(field, messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale)));
        model.addAttribute("query", query);
        model.addAttribute("errors", errors);
        model.addAttribute("view", dashboard.view(region, period, locale));
        return "statistics/dashboard/dashboard";
    }

    @GetMapping("/charts/{id}.xlsx")
    void chart(@PathVariable String id, DashboardQuery query, HttpServletResponse response, Locale locale)
            throws IOException {
        Map<String, InvalidValueException> refused = new LinkedHashMap<>();
        RegionCode region = query.regionCode(refused);
        Period period = query.period(LocalDate.now(clock.withZone(ChinaTime.ZONE)), refused);
        Chart chart = dashboard.chart(id, region, period, locale);
        if (chart == null) {
            throw new ChartNotFoundException(id);
        }
        List<String> headers = new ArrayList<>();
        headers.add(text("statistics.column.label", locale));
        chart.columns().forEach(c -> headers.add(text(c, locale)));
        try (XlsxDownload xlsx = new XlsxDownload(text(chart.titleKey(), locale), headers)) {
            for (Chart.Row row : chart.rows()) {
                List<Object> cells = new ArrayList<>();
                cells.add(row.label());
                cells.addAll(row.values());
                xlsx.row(cells.toArray());
            }
            xlsx.sendAs(response, "statistics-" + id, clock);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    static final class ChartNotFoundException extends ResourceNotFoundException {

        ChartNotFoundException(String id) {
            super("statistics.chart.notFound", id);
        }
    }
}
