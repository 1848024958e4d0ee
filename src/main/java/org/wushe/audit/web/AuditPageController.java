package org.wushe.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.wushe.access.AccountNames;
import org.wushe.access.KnownRegions;
import org.wushe.audit.AuditEntry;
import org.wushe.audit.AuditPage;
import org.wushe.audit.AuditQuery;
import org.wushe.audit.AuditTrail;
import org.wushe.platform.XlsxDownload;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * The auditor's list: filters in the URL, a page of rows, and the export of everything the filters match.
 * The list answers the full page, or only the results when htmx targets them. A refused filter is shown under
 * its field with the rest of the filter kept (no 400 page); the rows show names, the codes on hover.
 */
@Controller
@RequestMapping("/audit")
class AuditPageController {

    private static final Map<String, String> BADGES = Arrays.stream(AuditAction.values())
            .collect(Collectors.toUnmodifiableMap(AuditAction::name, AuditViews::badge));

    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;
    private final AuditLabels labels;
    private final KnownRegions regions;
    private final AccountNames accounts;

    AuditPageController(
            AuditTrail audit,
            MessageSource messages,
            Clock clock,
            AuditLabels labels,
            KnownRegions regions,
            AccountNames accounts) {
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.labels = labels;
        this.regions = regions;
        this.accounts = accounts;
    }

    /** One row as the page shows it: the entry, and the words for its codes. */
    record Row(AuditEntry entry, String actor, String entity, String region, String reason, List<String> fields) {}

    /** A choice of the entity-type filter: the stored code and its name. */
    record Choice(String value, String label) {}

    @GetMapping
    String list(
            @ModelAttribute("filter") AuditFilter filter,
            @RequestHeader(name = "HX-Target", required = false) String target,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AuditFilter.Parsed parsed = filter.parse();
        AuditPage result;
        if (parsed.problems().isEmpty()) {
            result = audit.search(parsed.query(), filter.pageNumber(), filter.pageSize());
        } else {
            Map<String, String> errors = new LinkedHashMap<>();
            parsed.problems().forEach((field, e) -> errors.put(field, message(e, locale)));
            // page and size have no field of their own in the filter: their message is the form's
            errors.put(
                    "form",
                    parsed.problems().keySet().stream()
                            .filter(f -> f.equals("page") || f.equals("size"))
                            .map(errors::get)
                            .findFirst()
                            .orElseGet(() -> messages.getMessage("audit.invalid.filter", null, locale)));
            model.addAttribute("errors", errors);
            int size = AuditTrail.PAGE_SIZES.contains(sizeOrDefault(filter))
                    ? sizeOrDefault(filter)
                    : AuditFilter.DEFAULT_SIZE;
            result = new AuditPage(List.of(), 1, size, 0, false);
        }
        model.addAttribute("result", result);
        model.addAttribute("rows", rows(result.entries(), locale));
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute(
                "entityTypes",
                AuditLabels.ENTITY_TYPES.stream()
                        .map(t -> new Choice(t, labels.entity(t, locale)))
                        .toList());
        model.addAttribute("sizes", AuditTrail.PAGE_SIZES);
        model.addAttribute("pages", Pagination.of(result, filter));
        model.addAttribute("badges", BADGES);
        if (!parsed.problems().isEmpty() && "audit-results".equals(target)) {
            // the messages belong under the filter's fields, outside the results htmx asked for: the whole page
            response.setHeader("HX-Retarget", "body");
            response.setHeader("HX-Reswap", "innerHTML");
            return "audit/entries";
        }
        return "audit-results".equals(target) ? "audit/entries :: results" : "audit/entries";
    }

    private List<Row> rows(List<AuditEntry> entries, Locale locale) {
        Map<RegionCode, String> names = regions.names(entries.stream()
                .map(e -> code(e.regionCode()))
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        // a staff member's display name for their username (kept on hover), one query for the page
        Map<String, String> people = accounts.displayNamesByUsername(
                entries.stream().map(AuditEntry::actor).filter(Objects::nonNull).toList());
        return entries.stream()
                .map(e -> {
                    RegionCode code = code(e.regionCode());
                    String actor = labels.actor(e.actor(), locale);
                    return new Row(
                            e,
                            Objects.equals(actor, e.actor()) ? people.getOrDefault(actor, actor) : actor,
                            labels.entity(e.entityType(), locale),
                            code == null ? null : names.get(code),
                            labels.reason(e.reason(), locale),
                            labels.fields(e.fields(), locale));
                })
                .toList();
    }

    private static RegionCode code(String value) {
        try {
            return value == null ? null : RegionCode.parse(value);
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static int sizeOrDefault(AuditFilter filter) {
        try {
            return filter.pageSize();
        } catch (InvalidValueException e) {
            return AuditFilter.DEFAULT_SIZE;
        }
    }

    private String message(InvalidValueException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
    }

    /** The whole chain and the anchors checked, with what was found (AUDITOR; the API also lets admins). */
    @GetMapping("/verification")
    String verification(Model model) {
        model.addAttribute("v", audit.verify());
        return "audit/verification";
    }

    @GetMapping("/export")
    void export(AuditFilter filter, HttpServletResponse response, Locale locale) throws IOException {
        AuditQuery query = filter.toQuery();
        try (XlsxDownload sheet = AuditWorkbook.create(messages, locale)) {
            AuditWorkbook rows = new AuditWorkbook(sheet, messages, labels, regions, accounts, locale);
            audit.export(query, rows);
            rows.flush();
            sheet.sendAs(response, "audit", clock);
        }
    }
}
