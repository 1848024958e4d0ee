package org.wushe.directory.organisations;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.access.Role;
import org.wushe.access.RoleGroup;
import org.wushe.directory.OrgType;
import org.wushe.directory.OrganisationStatus;
import org.wushe.directory.RegionNames;
import org.wushe.platform.InvalidParameterException;
import org.wushe.platform.PickerOption;
import org.wushe.privacy.RevealFragment;
import org.wushe.region.RegionPicker;
import org.wushe.shared.InvalidValueException;

/**
 * The organisation pages: the list (filters in the URL, total, page sizes, export of the filtered result),
 * the detail page with its actions, and the create/edit form. The list answers the full page, or only the
 * results when htmx targets them.
 */
@Controller
@RequestMapping("/organisations")
class OrganisationPageController {

    private final Organisations organisations;
    private final OrganisationExport export;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final RegionNames regionNames;
    private final RegionPicker regionPicker;

    OrganisationPageController(
            Organisations organisations,
            OrganisationExport export,
            CurrentUser currentUser,
            MessageSource messages,
            RegionNames regionNames,
            RegionPicker regionPicker) {
        this.organisations = organisations;
        this.export = export;
        this.currentUser = currentUser;
        this.messages = messages;
        this.regionNames = regionNames;
        this.regionPicker = regionPicker;
    }

    /**
     * The list. A filter that cannot be read (a name typed where the region code goes) is answered on the page,
     * under its field, with the other filters kept and no rows: never a bare 400.
     */
    @GetMapping
    String list(
            @ModelAttribute("query") OrganisationQuery query,
            @RequestHeader(name = "HX-Target", required = false) String target,
            Model model,
            Locale locale) {
        Map<String, String> errors = new HashMap<>();
        query.problems()
                .forEach((field, e) ->
                        errors.put(field, messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale)));
        OrganisationPage result = errors.isEmpty()
                ? organisations.list(query.toFilter(), query.pageNumber(), query.pageSize())
                : new OrganisationPage(List.of(), 1, OrganisationQuery.DEFAULT_SIZE, 0);
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute(
                "regionNames",
                regionNames.of(
                        result.rows().stream().map(OrganisationRow::regionCode).toList()));
        model.addAttribute("pages", OrganisationPager.of(result, query));
        model.addAttribute("sizes", Organisations.PAGE_SIZES);
        model.addAttribute("types", OrgType.values());
        model.addAttribute("statuses", OrganisationStatus.values());
        model.addAttribute("canWrite", canWrite());
        return "organisation-results".equals(target)
                ? "directory/organisations/organisations :: results"
                : "directory/organisations/organisations";
    }

    @GetMapping("/export")
    void export(OrganisationQuery query, HttpServletResponse response, Locale locale) throws IOException {
        export.write(query.toFilter(), response, locale);
    }

    /** The picker's options (fragments/picker.html): organisations in scope by part of their name. */
    @GetMapping("/picker")
    String picker(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q.strip());
        model.addAttribute("options", organisations.pick(q));
        return "fragments/picker :: options";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, OrganisationForm.empty(), null);
    }

    @PostMapping
    String create(
            @ModelAttribute("form") OrganisationForm form, Model model, RedirectAttributes redirect, Locale locale) {
        try {
            form = withParent(withServed(form));
            long id = organisations.create(form.toDraft(false));
            redirect.addFlashAttribute("notice", "directory.done.create");
            return "redirect:/organisations/" + id;
        } catch (InvalidValueException e) {
            rejected(model, e, OrganisationForm.fieldOf(e.messageKey()), locale);
            return form(model, form, null);
        } catch (InvalidParameterException e) {
            rejected(model, e.problem(), e.field(), locale);
            return form(model, form, null);
        }
    }

    @GetMapping("/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        OrganisationDetails organisation = organisations.get(id);
        model.addAttribute("organisation", organisation);
        List<String> codes = new ArrayList<>(organisation.servedRegions());
        codes.add(organisation.regionCode());
        model.addAttribute("regionNames", regionNames.of(codes));
        model.addAttribute("canWrite", canWrite());
        model.addAttribute(
                "canVerify",
                currentUser
                        .principal()
                        .map(p -> p.has(Role.CIVIL_AFFAIRS_ADMIN))
                        .orElse(false));
        return "directory/organisations/organisation";
    }

    @GetMapping("/{id:\\d+}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, OrganisationForm.of(organisations.get(id)), id);
    }

    @PostMapping("/{id:\\d+}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") OrganisationForm form,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            form = withParent(withServed(form));
            organisations.update(id, form.toDraft(true));
            redirect.addFlashAttribute("notice", "directory.done.update");
            return "redirect:/organisations/" + id;
        } catch (InvalidValueException e) {
            rejected(model, e, OrganisationForm.fieldOf(e.messageKey()), locale);
            return form(model, form, id);
        } catch (InvalidParameterException e) {
            rejected(model, e.problem(), e.field(), locale);
            return form(model, form, id);
        }
    }

    @PostMapping("/{id:\\d+}/contact-phone")
    String revealContactPhone(@PathVariable long id, @RequestParam String reason, Model model) {
        return RevealFragment.revealed(model, organisations.revealContactPhone(id, reason));
    }

    @PostMapping("/{id:\\d+}/{action}")
    String act(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
        switch (action) {
            case "suspend" -> organisations.suspend(id);
            case "activate" -> organisations.activate(id);
            case "verify" -> organisations.verify(id);
            default -> throw new InvalidValueException("error.parameter.invalid", "action");
        }
        redirect.addFlashAttribute("notice", "directory.done." + action);
        return "redirect:/organisations/" + id;
    }

    /** The parent as typed in the picker's field (an id, or a name without script) resolved to an id. */
    private OrganisationForm withParent(OrganisationForm form) {
        Long parent = organisations.resolve(form.parentId());
        return form.withParentId(parent == null ? null : parent.toString());
    }

    /** The served regions as the picker sent them (codes, or names typed without script) resolved in scope to codes. */
    private OrganisationForm withServed(OrganisationForm form) {
        return form.withServedRegions(String.join(",", regionPicker.resolve(form.servedTokens(), true, null)));
    }

    private String form(Model model, OrganisationForm form, Long id) {
        model.addAttribute("form", form);
        List<String> codes =
                form.servedTokens().stream().filter(t -> t.matches("\\d{6,12}")).toList();
        Map<String, String> names = regionNames.of(codes);
        model.addAttribute(
                "chosenRegions",
                codes.stream()
                        .map(c -> new PickerOption(Long.parseLong(c), names.getOrDefault(c, c), null))
                        .toList());
        // without script the text field is what is submitted: the names, and what was typed that named nothing
        model.addAttribute(
                "servedText",
                String.join(
                        "、",
                        form.servedTokens().stream()
                                .map(t -> names.getOrDefault(t, t))
                                .toList()));
        String parent = form.parentId() == null ? "" : form.parentId().strip();
        model.addAttribute(
                "parentName",
                parent.matches("\\d{1,18}")
                        ? organisations.visibleName(Long.parseLong(parent)).orElse(null)
                        : null);
        model.addAttribute("organisationId", id);
        model.addAttribute("types", OrgType.values());
        return "directory/organisations/organisation-form";
    }

    /** The message under its field, or on top of the form ({@code form}) when it names none. */
    private void rejected(Model model, InvalidValueException e, String field, Locale locale) {
        model.addAttribute(
                "errors",
                Map.of(field.isEmpty() ? "form" : field, messages.getMessage(e.messageKey(), e.arguments(), locale)));
    }

    private boolean canWrite() {
        return currentUser
                .principal()
                .map(p -> p.in(RoleGroup.ORGANISATION_WRITERS))
                .orElse(false);
    }
}
