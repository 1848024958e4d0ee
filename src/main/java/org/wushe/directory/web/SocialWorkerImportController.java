package org.wushe.directory.web;

import java.io.IOException;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.directory.ImportSummary;
import org.wushe.directory.SocialWorkerImports;
import org.wushe.platform.XlsxDownload;
import org.wushe.shared.InvalidValueException;

/** The import flow: template → upload → summary (read / written / rejected) → the error workbook. */
@Controller
@RequestMapping("/social-workers/import")
class SocialWorkerImportController {

    private final SocialWorkerImports imports;

    SocialWorkerImportController(SocialWorkerImports imports) {
        this.imports = imports;
    }

    @GetMapping
    String page() {
        return "directory/social-worker-import";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        try {
            model.addAttribute("summary", run(imports, file));
        } catch (InvalidValueException e) {
            model.addAttribute("error", e);
        }
        return "directory/social-worker-import";
    }

    @GetMapping("/template")
    ResponseEntity<byte[]> template() {
        return xlsx(imports.template(), "social-workers-template.xlsx");
    }

    @GetMapping("/{id}/errors")
    ResponseEntity<byte[]> errors(@PathVariable UUID id) {
        return xlsx(imports.errorWorkbook(id).orElseThrow(() -> new InvalidValueException("import.notFound")),
                "social-workers-errors.xlsx");
    }

    static ImportSummary run(SocialWorkerImports imports, MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidValueException("import.file.required");
        }
        return imports.importFile(file.getOriginalFilename(), file.getInputStream());
    }

    static ResponseEntity<byte[]> xlsx(byte[] content, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XlsxDownload.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(content);
    }
}
