package org.wushe.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.audit.AuditTrail;
import org.wushe.audit.ChainVerification;
import org.wushe.audit.web.AuditViews.PageView;
import org.wushe.audit.web.AuditViews.VerificationView;

@Tag(name = "Audit", description = "The hash-chained audit trail: search within the caller's scope, verification")
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

    private final AuditTrail audit;
    private final MessageSource messages;

    AuditApiController(AuditTrail audit, MessageSource messages) {
        this.audit = audit;
        this.messages = messages;
    }

    @Operation(
            summary = "Audit entries, newest first (filters as on the page; times as 2026-11-29T08:30 in "
                    + "Asia/Shanghai or with an offset; from inclusive, to exclusive; page 1-based; size 10/20/50/100)")
    @GetMapping("/entries")
    PageView entries(AuditFilter filter) {
        return PageView.of(audit.search(filter.toQuery(), filter.pageNumber(), filter.pageSize()));
    }

    @Operation(summary = "Recompute the whole hash chain and name the first broken row")
    @GetMapping("/verification")
    VerificationView verification(Locale locale) {
        ChainVerification result = audit.verify();
        return VerificationView.of(result, messages.getMessage(result.reason(), null, result.reason(), locale));
    }
}
