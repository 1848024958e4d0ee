package org.wushe.directory.imports;

import java.io.IOException;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.wushe.shared.InvalidValueException;

/**
 * The import flow of organisations, social workers and volunteers: template → upload → progress (the page polls
 * the job with htmx, or refreshes itself without JavaScript) → summary → the error workbook.
 */
@Controller
@RequestMapping("/" + ImportKinds.PATTERN + "/import")
class ImportPageController {

    private final ImportKinds kinds;

    ImportPageController(ImportKinds kinds) {
        this.kinds = kinds;
    }

    @GetMapping
    String page(@PathVariable String kind, Model model) {
        kinds.of(kind).authorise();
        model.addAttribute("kind", kind);
        return "directory/imports/import";
    }

    /** Starts the import in the background; htmx swaps in the polling status, a plain form goes to its page. */
    @PostMapping
    String upload(
            @PathVariable String kind,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model)
            throws IOException {
        model.addAttribute("kind", kind);
        UUID job;
        try {
            MultipartFile upload = ImportKinds.required(file);
            job = kinds.of(kind).start(upload.getOriginalFilename(), upload.getInputStream());
        } catch (InvalidValueException e) {
            model.addAttribute("error", e);
            return htmx != null ? "directory/imports/import :: problem" : "directory/imports/import";
        }
        if (htmx != null) {
            model.addAttribute("status", status(kind, job));
            return "directory/imports/import :: status";
        }
        return "redirect:/" + kind + "/import/jobs/" + job;
    }

    @GetMapping("/jobs/{job}")
    String job(
            @PathVariable String kind,
            @PathVariable UUID job,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("status", status(kind, job));
        return htmx != null ? "directory/imports/import :: status" : "directory/imports/import";
    }

    @GetMapping("/template")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        return kinds.template(kind);
    }

    @GetMapping("/{id}/errors")
    ResponseEntity<byte[]> errors(@PathVariable String kind, @PathVariable UUID id) {
        return kinds.errors(kind, id);
    }

    private ImportStatus status(String kind, UUID job) {
        return kinds.of(kind).status(job).orElseThrow(() -> new InvalidValueException("import.notFound"));
    }
}
