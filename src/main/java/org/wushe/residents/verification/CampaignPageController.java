package org.wushe.residents.verification;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.shared.InvalidValueException;

/**
 * Campaign pages: the list, the create form, and a campaign's page with its import (upload, a progress bar polled
 * with htmx, the summary and error workbook), its progress drill-down and the export.
 */
@Controller
@RequestMapping("/verification")
class CampaignPageController {

    private final VerificationCampaigns campaigns;
    private final Xlsx xlsx;
    private final MessageSource messages;

    CampaignPageController(VerificationCampaigns campaigns, Xlsx xlsx, MessageSource messages) {
        this.campaigns = campaigns;
        this.xlsx = xlsx;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.list());
        return "residents/verification/campaigns";
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("draft", new CampaignDraft("", "", "", ""));
        model.addAttribute("errors", Map.of());
        return "residents/verification/campaign-form";
    }

    @PostMapping
    String create(@ModelAttribute CampaignDraft draft, Model model, Locale locale) {
        try {
            return "redirect:/verification/" + campaigns.create(draft);
        } catch (FieldsRejectedException e) {
            model.addAttribute("draft", draft);
            model.addAttribute("errors", messages(e.problems(), messages, locale));
            return "residents/verification/campaign-form";
        }
    }

    @GetMapping("/{id}")
    String campaign(
            @PathVariable long id,
            @RequestParam(required = false) String node,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("campaign", campaigns.get(id));
        model.addAttribute("progress", campaigns.progress(id, node));
        if (htmx != null) {
            return "residents/verification/campaign :: progress";
        }
        model.addAttribute("imports", campaigns.imports(id));
        return "residents/verification/campaign";
    }

    @PostMapping("/{id}/imports")
    String upload(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidValueException("import.file.required");
            }
            campaigns.startImport(id, file.getOriginalFilename(), file.getInputStream());
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("importError", e);
        }
        return "redirect:/verification/" + id;
    }

    /** The import status fragment the campaign page polls every two seconds while the import runs. */
    @GetMapping("/imports/{importId}")
    String importStatus(@PathVariable UUID importId, Model model) {
        model.addAttribute("imp", campaigns.importStatus(importId));
        return "residents/verification/campaign :: import";
    }

    @GetMapping("/imports/{importId}/errors")
    ResponseEntity<byte[]> errors(@PathVariable UUID importId) {
        return Xlsx.file(
                campaigns.errorWorkbook(importId).orElseThrow(() -> new InvalidValueException("import.notFound")),
                "verification-errors.xlsx");
    }

    @GetMapping("/template")
    ResponseEntity<byte[]> template() {
        return Xlsx.file(campaigns.template(), "verification-list-template.xlsx");
    }

    @GetMapping("/{id}/export")
    void export(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        xlsx.export(id, locale, response);
    }

    /** The forms' errors as the pages show them (templates/fragments/form.html): field → localised message. */
    static Map<String, String> messages(
            Map<String, InvalidValueException> problems, MessageSource messages, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        problems.forEach((field, p) ->
                out.put(field, messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), locale)));
        return out;
    }
}
