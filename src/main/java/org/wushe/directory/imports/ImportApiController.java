package org.wushe.directory.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.shared.InvalidValueException;

@Tag(name = "Directory imports", description = "Spreadsheet import of organisations, social workers and volunteers")
@RestController
@RequestMapping("/api/v1/" + ImportKinds.PATTERN)
class ImportApiController {

    private final ImportKinds kinds;

    ImportApiController(ImportKinds kinds) {
        this.kinds = kinds;
    }

    @Operation(summary = "The import template (xlsx, Chinese headers, dropdowns for the enumerations)")
    @GetMapping("/import-template")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        return kinds.template(kind);
    }

    @Operation(
            summary = "Import an xlsx or csv (≤ 20 MB, ≤ 100,000 rows): only valid rows are written. By default "
                    + "the call waits and returns the counts and the error workbook's URL; with async=true it answers 202 "
                    + "at once with the URL of the job to poll")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> importFile(
            @PathVariable String kind,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean async)
            throws IOException {
        MultipartFile upload = ImportKinds.required(file);
        if (async) {
            UUID job = kinds.of(kind).start(upload.getOriginalFilename(), upload.getInputStream());
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(Map.of("jobId", job, "statusUrl", "/api/v1/" + kind + "/import/jobs/" + job));
        }
        ImportSummary summary = kinds.of(kind).importFile(upload.getOriginalFilename(), upload.getInputStream());
        return ResponseEntity.ok(Map.of(
                "read",
                summary.read(),
                "written",
                summary.written(),
                "rejected",
                summary.rejected(),
                "errorWorkbookUrl",
                errorsUrl(kind, summary.errorWorkbook())));
    }

    @Operation(summary = "A background import's state (RUNNING, DONE, FAILED) with rows read / written / rejected")
    @GetMapping("/import/jobs/{job}")
    Map<String, Object> job(@PathVariable String kind, @PathVariable UUID job) {
        ImportStatus s = kinds.of(kind).status(job).orElseThrow(() -> new InvalidValueException("import.notFound"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", s.state());
        body.put("read", s.read());
        body.put("written", s.written());
        body.put("rejected", s.rejected());
        body.put("errorWorkbookUrl", errorsUrl(kind, s.errorWorkbook()));
        body.put("problem", s.problemKey() == null ? "" : s.problemKey());
        return body;
    }

    @GetMapping("/import/{id}/errors")
    ResponseEntity<byte[]> errors(@PathVariable String kind, @PathVariable UUID id) {
        return kinds.errors(kind, id);
    }

    private static String errorsUrl(String kind, UUID id) {
        return id == null ? "" : "/api/v1/" + kind + "/import/" + id + "/errors";
    }
}
