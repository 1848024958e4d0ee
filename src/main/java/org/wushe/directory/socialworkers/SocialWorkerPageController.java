package org.wushe.directory.socialworkers;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.wushe.access.RoleGroup;
import org.wushe.directory.Availability;
import org.wushe.directory.Qualification;
import org.wushe.directory.RegionNames;
import org.wushe.directory.Specialty;
import org.wushe.directory.organisations.Organisations;
import org.wushe.platform.PickerOption;
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
    private final Organisations organisations;
    private final RegionNames regionNames;

    SocialWorkerPageController(
            SocialWorkers socialWorkers,
            SocialWorkerExport export,
            CurrentUser currentUser,
            MessageSource messages,
            Organisations organisations,
            RegionNames regionNames) {
        this.socialWorkers = socialWorkers;
        this.export = export;
        this.currentUser = currentUser;
        this.messages = messages;
        this.organisations = organisations;
        this.regionNames = regionNames;
    }

    /**
     * The list. The organisation filter is a picker (an id, or a name typed without script, resolved in scope); a
     * filter that cannot be read is answered under its field, the other filters kept, with no rows: never a 400.
     */
    @GetMapping
    String list(@ModelAttribute("query") SocialWorkerQuery query, Model model, Locale locale) {
        Map<String, String> errors = new HashMap<>();
        String organisationName = null;
        try {
            Long organisation = organisations.resolve(query.organisation());
            if (organisation != null) {
                query = query.withOrganisation(organisation.toString());
                organisationName = organisations.visibleName(organisation).orElse(null);
            }
        } catch (InvalidValueException e) {
            errors.put("organisation", message(e, locale));
        }
        query.problems().forEach((field, e) -> errors.putIfAbsent(field, message(e, locale)));
        SocialWorkerPage result = errors.isEmpty()
                ? socialWorkers.list(query.toFilter(), query.pageNumber(), query.pageSize())
                : new SocialWorkerPage(List.of(), 1, query.pageSize(), 0);
        model.addAttribute("query", query);
        model.addAttribute("errors", errors);
        model.addAttribute("organisationName", organisationName);
        model.addAttribute("result", result);
        model.addAttribute(
                "regionNames",
                regionNames.of(
                        result.rows().stream().map(SocialWorkerRow::regionCode).toList()));
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

    /** The picker's options (fragments/picker.html): social workers in scope by part of their name. */
    @GetMapping("/picker")
    String picker(
            @RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long organisation, Model model) {
        model.addAttribute("q", q.strip());
        model.addAttribute("options", socialWorkers.pick(q, organisation));
        return "fragments/picker :: options";
    }

    @GetMapping("/counts")
    String counts(Model model) {
        model.addAttribute(
                "counts",
                Map.of(
                        "byOrganisation",
                        socialWorkers.countsByOrganisation(),
                        "byRegion",
                        socialWorkers.countsByRegion()));
        return "directory/socialworkers/social-worker-counts";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, SocialWorkerForm.empty(), null, null);
    }

    @PostMapping
    String create(
            @ModelAttribute("form") SocialWorkerForm form, Model model, RedirectAttributes redirect, Locale locale) {
        try {
            form = withOrganisations(form);
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
    String update(
            @PathVariable long id,
            @ModelAttribute("form") SocialWorkerForm form,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            form = withOrganisations(form);
            socialWorkers.update(id, form.toDraft(true));
            redirect.addFlashAttribute("notice", "directory.socialWorker.done.update");
            return "redirect:/social-workers/" + id;
        } catch (InvalidValueException e) {
            return rejected(model, form, id, e, locale);
        }
    }

    /** The organisations as the picker sent them (ids, or names typed without script) resolved to ids. */
    private SocialWorkerForm withOrganisations(SocialWorkerForm form) {
        List<String> ids = new ArrayList<>();
        for (String token : form.organisationTokens()) {
            ids.add(organisations.resolve(token).toString());
        }
        return form.withOrganisationIds(String.join(",", ids));
    }

    private String message(InvalidValueException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
    }

    /** The form again with the input kept: the message on top and, next to each bad field, its own message. */
    private String rejected(Model model, SocialWorkerForm form, Long id, InvalidValueException e, Locale locale) {
        Map<String, String> fields = new HashMap<>();
        if (e.messageKey().startsWith("picker.organisation.")) {
            fields.put("organisations", message(e, locale));
            model.addAttribute("errors", fields);
            return form(model, form, id, message(e, locale));
        }
        try {
            socialWorkers
                    .fieldProblems(form.toDraft(id != null), id != null)
                    .forEach((field, problem) -> fields.put(
                            field,
                            messages.getMessage(
                                    problem.messageKey(), problem.arguments(), problem.messageKey(), locale)));
        } catch (InvalidValueException unparsable) {
            // the form itself could not be read (e.g. organisation ids that are not numbers): the top message says so
        }
        model.addAttribute("errors", fields);
        return form(model, form, id, messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    }

    private String form(Model model, SocialWorkerForm form, Long id, String error) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("form", form);
        model.addAttribute(
                "chosenOrganisations",
                form.organisationTokens().stream()
                        .filter(t -> t.matches("\\d{1,18}"))
                        .map(t -> new PickerOption(
                                Long.parseLong(t),
                                organisations.visibleName(Long.parseLong(t)).orElse(t),
                                null))
                        .toList());
        model.addAttribute("id", id);
        model.addAttribute("error", error);
        model.addAttribute("qualifications", Qualification.values());
        model.addAttribute("specialties", Specialty.values());
        model.addAttribute("availabilities", Availability.values());
        return "directory/socialworkers/social-worker-form";
    }

    @GetMapping("/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        SocialWorkerDetails worker = socialWorkers.get(id);
        model.addAttribute("worker", worker);
        List<String> codes = new ArrayList<>(worker.servedRegions());
        codes.add(worker.regionCode());
        codes.add(worker.reportedCommunity());
        model.addAttribute("regionNames", regionNames.of(codes));
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
        return currentUser
                .principal()
                .map(p -> p.in(RoleGroup.SOCIAL_WORKER_WRITERS))
                .orElse(false);
    }
}
