package org.wushe.audit.web;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.wushe.audit.AuditPage;
import org.wushe.audit.AuditQuery;
import org.wushe.audit.AuditTrail;
import org.wushe.platform.XlsxDownload;
import org.wushe.shared.AuditAction;

/**
 * The auditor's list: filters in the URL, a page of rows, and the export of everything the filters match.
 * The list answers the full page, or only the results when htmx targets them.
 */
@Controller
@RequestMapping("/audit")
class AuditPageController {

    private static final Map<String, String> BADGES = Arrays.stream(AuditAction.values())
            .collect(Collectors.toUnmodifiableMap(AuditAction::name, AuditViews::badge));

    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    AuditPageController(AuditTrail audit, MessageSource messages, Clock clock) {
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(@ModelAttribute("filter") AuditFilter filter,
            @RequestHeader(name = "HX-Target", required = false) String target, Model model) {
        AuditPage result = audit.search(filter.toQuery(), filter.pageNumber(), filter.pageSize());
        model.addAttribute("result", result);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("sizes", AuditTrail.PAGE_SIZES);
        model.addAttribute("pages", Pagination.of(result, filter));
        model.addAttribute("badges", BADGES);
        return "audit-results".equals(target) ? "audit/entries :: results" : "audit/entries";
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
            audit.export(query, entry -> AuditWorkbook.add(sheet, entry, messages, locale));
            sheet.sendAs(response, "audit", clock);
        }
    }
}
