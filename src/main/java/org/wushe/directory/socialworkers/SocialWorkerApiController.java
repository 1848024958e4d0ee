package org.wushe.directory.socialworkers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Social workers", description = "The directory's social workers, within the caller's scope")
@RestController
@RequestMapping("/api/v1/social-workers")
class SocialWorkerApiController {

    private final SocialWorkers socialWorkers;
    private final SocialWorkerExport export;

    SocialWorkerApiController(SocialWorkers socialWorkers, SocialWorkerExport export) {
        this.socialWorkers = socialWorkers;
        this.export = export;
    }

    @Operation(
            summary = "Social workers in the caller's scope (filters name, organisation, qualification, "
                    + "specialty, availability, region subtree; page 1-based; size 10/20/50/100); ID numbers masked")
    @GetMapping
    SocialWorkerPage list(SocialWorkerQuery query) {
        return socialWorkers.list(query.toFilter(), query.pageNumber(), query.pageSize());
    }

    @Operation(summary = "The filtered list as xlsx (Chinese headers, masked values); the export is audited")
    @GetMapping("/export")
    void export(SocialWorkerQuery query, HttpServletResponse response, Locale locale) throws IOException {
        export.write(query.toFilter(), response, locale);
    }

    @Operation(summary = "Counts in the caller's scope by organisation and by home region")
    @GetMapping("/counts")
    Map<String, List<SocialWorkerCount>> counts() {
        return Map.of(
                "byOrganisation", socialWorkers.countsByOrganisation(), "byRegion", socialWorkers.countsByRegion());
    }

    @GetMapping("/{id}")
    SocialWorkerDetails get(@PathVariable long id) {
        return socialWorkers.get(id);
    }

    @Operation(summary = "Register a social worker; a second one with the same ID number is refused")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SocialWorkerDetails create(@RequestBody SocialWorkerDraft draft) {
        return socialWorkers.get(socialWorkers.create(draft));
    }

    @Operation(summary = "Replace a social worker's description; a null idNumber or phone keeps the stored one")
    @PutMapping("/{id}")
    SocialWorkerDetails update(@PathVariable long id, @RequestBody SocialWorkerDraft draft) {
        socialWorkers.update(id, draft);
        return socialWorkers.get(id);
    }

    @PutMapping("/{id}/availability")
    SocialWorkerDetails availability(@PathVariable long id, @RequestBody Map<String, String> body) {
        String value = body == null ? null : body.get("availability");
        socialWorkers.setAvailability(id, value == null ? null : SocialWorkers.availability(value));
        return socialWorkers.get(id);
    }

    @Operation(summary = "The ID number in clear; requires a reason and is audited (REVEAL)")
    @PostMapping("/{id}/id-number/reveal")
    Map<String, String> revealIdNumber(@PathVariable long id, @RequestBody Map<String, String> body) {
        return Map.of("idNumber", socialWorkers.revealIdNumber(id, body == null ? null : body.get("reason")));
    }

    @Operation(summary = "The phone in clear; requires a reason and is audited (REVEAL)")
    @PostMapping("/{id}/phone/reveal")
    Map<String, String> revealPhone(@PathVariable long id, @RequestBody Map<String, String> body) {
        return Map.of("phone", socialWorkers.revealPhone(id, body == null ? null : body.get("reason")));
    }
}
