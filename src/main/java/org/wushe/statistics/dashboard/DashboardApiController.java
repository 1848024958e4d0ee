package org.wushe.statistics.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.platform.ChinaTime;
import org.wushe.platform.InvalidParameterException;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** The dashboard's figures as JSON: the same numbers as the page, for the same region and period. */
@RestController
@RequestMapping("/api/v1/statistics")
@Tag(name = "Statistics")
class DashboardApiController {

    private final Dashboard dashboard;
    private final Clock clock;

    DashboardApiController(Dashboard dashboard, Clock clock) {
        this.dashboard = dashboard;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            summary = "Figures and charts of the caller's scope",
            description = "region: a region code inside the caller's scope (default: all of it); from, to:"
                    + " ISO dates, at most 366 days (default: the last 30 days). Service figures come from the"
                    + " daily roll-ups; directory, register and request figures are counted live.")
    Dashboard.View figures(DashboardQuery query, Locale locale) {
        Map<String, InvalidValueException> refused = new LinkedHashMap<>();
        RegionCode region = query.regionCode(refused);
        Period period = query.period(LocalDate.now(clock.withZone(ChinaTime.ZONE)), refused);
        if (!refused.isEmpty()) {
            Map.Entry<String, InvalidValueException> first =
                    refused.entrySet().iterator().next();
            throw new InvalidParameterException(first.getKey(), first.getValue());
        }
        return dashboard.view(region, period, locale);
    }
}
