package org.wushe.statistics.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Where the report layouts are: {@code daily.xlsx} and {@code monthly.xlsx} (with {@code daily_en.xlsx} … for another
 * language) under {@code wushe.statistics.reports.templates}, the repository's by default. Read at each generation,
 * so a bureau that points this at a folder of its own (e.g. {@code file:/etc/wushe/reports/}) changes a report by
 * saving a file, without a restart.
 */
@Component
class ReportTemplates {

    private final ResourceLoader resources;
    private final String location;

    ReportTemplates(
            ResourceLoader resources,
            @Value("${wushe.statistics.reports.templates:classpath:statistics/reports/}") String location) {
        this.resources = resources;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    /** The template's bytes, in the reader's language where there is one. */
    byte[] load(ReportPeriod.ReportKind kind, Locale locale) {
        String name = kind.name().toLowerCase(Locale.ROOT);
        Resource localised = resources.getResource(location + name + "_" + locale.getLanguage() + ".xlsx");
        Resource resource = localised.exists() ? localised : resources.getResource(location + name + ".xlsx");
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Report template " + resource.getDescription() + " cannot be read", e);
        }
    }
}
