package org.wushe.residents.verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.shared.InvalidValueException;

@Tag(
        name = "Verification campaigns",
        description =
                "Lists sent down for verification (重点群体摸排 / 核查登记): "
                        + "campaigns, list imports, tasks per community, outcomes, progress and export, within the caller's scope")
@RestController
@RequestMapping("/api/v1/verification-campaigns")
class CampaignApiController {

    private final VerificationCampaigns campaigns;
    private final Xlsx xlsx;
    private final MessageSource messages;

    CampaignApiController(VerificationCampaigns campaigns, Xlsx xlsx, MessageSource messages) {
        this.campaigns = campaigns;
        this.xlsx = xlsx;
        this.messages = messages;
    }

    @Operation(summary = "Campaigns the caller may see, newest first, with done / total in the caller's scope")
    @GetMapping
    List<Campaign> list() {
        return campaigns.list();
    }

    @Operation(
            summary = "Create a campaign (civil-affairs admin or station staff; region within scope; deadline "
                    + "yyyy-MM-dd, not in the past); 400 lists every bad field under 'errors'")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Campaign> create(@RequestBody CampaignDraft draft) {
        long id = campaigns.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/verification-campaigns/" + id))
                .body(campaigns.get(id));
    }

    @GetMapping("/{id}")
    Campaign get(@PathVariable long id) {
        return campaigns.get(id);
    }

    @Operation(summary = "The empty list template (xlsx, Chinese headers, category dropdown)")
    @GetMapping("/template")
    ResponseEntity<byte[]> template() {
        return Xlsx.file(campaigns.template(), "verification-list-template.xlsx");
    }

    @Operation(
            summary = "Import a list as multipart 'file' (xlsx or csv); answers 202 with the import's status "
                    + "to poll. Rows outside the campaign's region or the caller's scope are rejected with a reason")
    @PostMapping(path = "/{id}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportStatus> importMultipart(
            @PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidValueException("import.file.required");
        }
        return accepted(campaigns.startImport(id, file.getOriginalFilename(), file.getInputStream()));
    }

    @Operation(
            summary = "Import a list sent as the raw request body (text/csv or xlsx; name it with ?filename=, "
                    + "e.g. list.csv) — streamed to disk, no multipart size limit: the way to send millions of rows")
    @PostMapping(
            path = "/{id}/imports",
            consumes = {
                "text/csv",
                MediaType.APPLICATION_OCTET_STREAM_VALUE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            })
    ResponseEntity<ImportStatus> importBody(
            @PathVariable long id, @RequestParam String filename, HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return accepted(campaigns.startImport(id, filename, body));
        }
    }

    private ResponseEntity<ImportStatus> accepted(UUID importId) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/verification-campaigns/imports/" + importId))
                .body(campaigns.importStatus(importId));
    }

    @GetMapping("/{id}/imports")
    List<ImportStatus> imports(@PathVariable long id) {
        return campaigns.imports(id);
    }

    @Operation(
            summary = "An import's state: RUNNING (phase READING or MATCHING, rows read so far), DONE with "
                    + "counts, or FAILED with the reason (nothing written)")
    @GetMapping("/imports/{importId}")
    ImportStatus importStatus(@PathVariable UUID importId) {
        return campaigns.importStatus(importId);
    }

    @Operation(summary = "The rejected rows with a red 错误原因 column (only for whoever ran the import)")
    @GetMapping("/imports/{importId}/errors")
    ResponseEntity<byte[]> errors(@PathVariable UUID importId) {
        return Xlsx.file(
                campaigns.errorWorkbook(importId).orElseThrow(() -> new InvalidValueException("import.notFound")),
                "verification-errors.xlsx");
    }

    @Operation(
            summary = "Done / total per region below 'node' (district → street → community; default the "
                    + "campaign's region), counting tasks in the caller's scope")
    @GetMapping("/{id}/progress")
    Progress progress(@PathVariable long id, @RequestParam(required = false) String node) {
        return campaigns.progress(id, node);
    }

    @Operation(summary = "The results in the caller's scope as xlsx (masked; the export is audited)")
    @GetMapping("/{id}/export")
    void export(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        xlsx.export(id, locale, response);
    }

    @Operation(
            summary = "Tasks in the caller's scope: campaign, region subtree, status OPEN / DONE / an outcome, "
                    + "mine=true for those assigned to the caller; open tasks first")
    @GetMapping("/tasks")
    TaskPage tasks(
            @RequestParam(required = false) Long campaign,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
        return campaigns.tasks(
                TaskFilter.of(campaign, region, status, mine), Math.max(1, page), TaskListPage.size(size));
    }

    @GetMapping("/tasks/{taskId}")
    TaskDetails task(@PathVariable long taskId) {
        return campaigns.task(taskId);
    }

    @Operation(
            summary = "Record the outcome: VERIFIED, DIFFERS (with at least one corrected phone, address or "
                    + "category), NOT_FOUND, MOVED_AWAY, DECEASED or UNREACHABLE, a note, and the version last read")
    @PostMapping("/tasks/{taskId}/outcome")
    TaskDetails outcome(@PathVariable long taskId, @RequestBody OutcomeDraft draft) {
        return campaigns.recordOutcome(taskId, draft);
    }

    /** The account to assign, or null to give the task back to all community staff. */
    record Assignee(Long accountId) {}

    @PutMapping("/tasks/{taskId}/assignee")
    TaskDetails assign(@PathVariable long taskId, @RequestBody Assignee assignee) {
        campaigns.assign(taskId, assignee.accountId());
        return campaigns.task(taskId);
    }

    record Reveal(String reason) {}

    @Operation(summary = "The clear ID number, for a reason (recorded in the audit trail)")
    @PostMapping("/tasks/{taskId}/id-number/reveal")
    Map<String, String> revealIdNumber(@PathVariable long taskId, @RequestBody Reveal reveal) {
        return Map.of("value", campaigns.revealIdNumber(taskId, reveal.reason()));
    }

    @Operation(summary = "The clear phone, for a reason (recorded in the audit trail)")
    @PostMapping("/tasks/{taskId}/phone/reveal")
    Map<String, String> revealPhone(@PathVariable long taskId, @RequestBody Reveal reveal) {
        return Map.of("value", campaigns.revealPhone(taskId, reveal.reason()));
    }

    /** Every bad field with its localised message under {@code errors}. */
    @ExceptionHandler(FieldsRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(FieldsRejectedException e, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems()
                .forEach((field, problem) -> errors.put(
                        field,
                        messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), locale)));
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("；", errors.values()));
        problem.setTitle(messages.getMessage("error.400.title", null, "Bad request", locale));
        problem.setProperty("code", "residents.campaign.rejected");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
