package org.wushe.directory.socialworkers;

import org.wushe.access.RoleGroup;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.directory.Availability;
import org.wushe.directory.Qualification;
import org.wushe.directory.Specialty;
import org.wushe.directory.organisations.Organisations;
import org.wushe.privacy.RevealFragment;
import org.wushe.shared.InvalidValueException;

/**
 * The social-worker pages: the list (filters in the URL, total, page sizes, export of the filtered result), the
 * detail page with masked ID number and phone (revealed for a reason), the create/edit form, and the counts.
 */
@Controller
@RequestMapping("/social-workers")
class SocialWorkerPageController {

    private final SocialWorkers socialWorkers;
    private final SocialWorkerExport export;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    SocialWorkerPageController(SocialWorkers socialWorkers, SocialWorkerExport export, CurrentUser currentUser,
            MessageSource messages) {
        this.socialWorkers = socialWorkers;
        this.export = export;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping
    String list(@ModelAttribute("query") SocialWorkerQuery query, Model model) {
        model.addAttribute("result", socialWorkers.list(query.toFilter(), query.pageNumber(), query.pageSize()));
        model.addAttribute("sizes", Organisations.PAGE_SIZES);
        model.addAttribute("qualifications", Qualification.values());
        model.addAttribute("specialties", Specialty.values());
        model.addAttribute("availabilities", Availability.values());
        String filters = query.filters();
        model.addAttribute("exportUrl", "/social-workers/export" + (filters.isEmpty() ? "" : "?" + filters));
        model.addAttribute("canWrite", canWrite());
        return "directory/socialworkers/social-workers";
    }

    @GetMapping("/export")
    void export(SocialWorkerQuery query, HttpServletResponse response, Locale locale) throws IOException {
        export.write(query.toFilter(), response, locale);
    }

    @GetMapping("/counts")
    String counts(Model model) {
        model.addAttribute("counts", Map.of("byOrganisation", socialWorkers.countsByOrganisation(), "byRegion",
                socialWorkers.countsByRegion()));
        return "directory/socialworkers/social-worker-counts";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, SocialWorkerForm.empty(), null, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") SocialWorkerForm form, Model model, RedirectAttributes redirect,
            Locale locale) {
        try {
            long id = socialWorkers.create(form.toDraft(false));
            redirect.addFlashAttribute("notice", "directory.socialWorker.done.create");
            return "redirect:/social-workers/" + id;
        } catch (InvalidValueException e) {
            return rejected(model, form, null, e, locale);
        }
    }

    @GetMapping("/{id:\\d+}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, SocialWorkerForm.of(socialWorkers.get(id)), id, null);
    }

    @PostMapping("/{id:\\d+}")
    String update(@PathVariable long id, @ModelAttribute("form") SocialWorkerForm form, Model model,
            RedirectAttributes redirect, Locale locale) {
        try {
            socialWorkers.update(id, form.toDraft(true));
            redirect.addFlashAttribute("notice", "directory.socialWorker.done.update");
            return "redirect:/social-workers/" + id;
        } catch (InvalidValueException e) {
            return rejected(model, form, id, e, locale);
        }
    }

    /** The form again with the input kept: the message on top and, next to each bad field, its own message. */
    private String rejected(Model model, SocialWorkerForm form, Long id, InvalidValueException e, Locale locale) {
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        try {
            socialWorkers.fieldProblems(form.toDraft(id != null), id != null).forEach((field, problem) ->
                    fields.put(field, messages.getMessage(problem.messageKey(), problem.arguments(),
                            problem.messageKey(), locale)));
        } catch (InvalidValueException unparsable) {
            // the form itself could not be read (e.g. organisation ids that are not numbers): the top message says so
        }
        model.addAttribute("errors", fields);
        return form(model, form, id, messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    }

    private String form(Model model, SocialWorkerForm form, Long id, String error) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", java.util.Map.of());
        }
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("error", error);
        model.addAttribute("qualifications", Qualification.values());
        model.addAttribute("specialties", Specialty.values());
        model.addAttribute("availabilities", Availability.values());
        return "directory/socialworkers/social-worker-form";
    }

    @GetMapping("/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("worker", socialWorkers.get(id));
        model.addAttribute("canWrite", canWrite());
        return "directory/socialworkers/social-worker";
    }

    @PostMapping("/{id:\\d+}/id-number")
    String revealIdNumber(@PathVariable long id, @RequestParam String reason, Model model) {
        return RevealFragment.revealed(model, socialWorkers.revealIdNumber(id, reason));
    }

    @PostMapping("/{id:\\d+}/phone")
    String revealPhone(@PathVariable long id, @RequestParam String reason, Model model) {
        return RevealFragment.revealed(model, socialWorkers.revealPhone(id, reason));
    }

    private boolean canWrite() {
        return currentUser.principal().map(p -> p.in(RoleGroup.SOCIAL_WORKER_WRITERS)).orElse(false);
    }
}
