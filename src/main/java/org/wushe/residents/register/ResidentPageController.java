package org.wushe.residents.register;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.privacy.RevealFragment;
import org.wushe.residents.DisabilityType;
import org.wushe.residents.LawfulBasis;
import org.wushe.residents.RiskLevel;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.residents.register.Residents.RevealableField;
import org.wushe.shared.InvalidValueException;

/**
 * The register's pages: the list (filters in the URL, total, page sizes), the detail page (masked values revealed
 * for a reason; void / unvoid / merge; household), and the create/edit form with an error under each field.
 */
@Controller
@RequestMapping("/residents")
class ResidentPageController {

    private final Residents residents;
    private final MessageSource messages;
    private final DisplayNames names;
    private final ResidentPickers pickers;

    ResidentPageController(Residents residents, MessageSource messages, DisplayNames names, ResidentPickers pickers) {
        this.residents = residents;
        this.messages = messages;
        this.names = names;
        this.pickers = pickers;
    }

    @GetMapping
    String list(@ModelAttribute("query") ResidentQuery query, Model model, Locale locale) {
        ResidentFilter filter;
        try {
            filter = query.toFilter();
            model.addAttribute("errors", Map.of());
        } catch (InvalidValueException e) {
            // a name typed where a community code was expected: the error at its field, the other filters stay
            filter = query.withoutCommunity().toFilter();
            model.addAttribute(
                    "errors",
                    Map.of("community", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale)));
        }
        ResidentPage result = residents.list(filter, query.pageNumber(), query.pageSize());
        model.addAttribute("result", result);
        model.addAttribute(
                "regionNames",
                names.regions(
                        result.rows().stream().map(ResidentRow::communityCode).toList()));
        model.addAttribute("sizes", Residents.PAGE_SIZES);
        model.addAttribute("categories", VulnerabilityCategory.values());
        model.addAttribute("risks", RiskLevel.values());
        model.addAttribute("canWrite", residents.callerMayWrite());
        return "residents/register/residents";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, ResidentForm.empty(), null, Map.of(), null);
    }

    @PostMapping
    String create(
            @ModelAttribute("form") ResidentForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        // every field that cannot be taken is said at once: the unreadable ones and the names that name nobody
        Map<String, String> refused = new LinkedHashMap<>(FieldErrors.unreadable(binding, messages, locale));
        ResidentPickers.Chosen chosen = pickers.chosen(form, refused, locale);
        if (!refused.isEmpty()) {
            return form(model, form, null, refused, null);
        }
        try {
            long id = residents.create(form.toDraft(chosen.gridWorker(), chosen.socialWorker()));
            redirect.addFlashAttribute("notice", "residents.resident.done.create");
            return "redirect:/residents/" + id;
        } catch (InvalidFieldsException e) {
            return form(model, form, null, FieldErrors.messages(e, messages, locale), e.existingResidentId());
        }
    }

    @GetMapping("/{id:\\d+}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, ResidentForm.of(residents.get(id)), id, Map.of(), null);
    }

    @PostMapping("/{id:\\d+}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") ResidentForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        // every field that cannot be taken is said at once: the unreadable ones and the names that name nobody
        Map<String, String> refused = new LinkedHashMap<>(FieldErrors.unreadable(binding, messages, locale));
        ResidentPickers.Chosen chosen = pickers.chosen(form, refused, locale);
        if (!refused.isEmpty()) {
            return form(model, form, id, refused, null);
        }
        try {
            residents.update(id, form.toDraft(chosen.gridWorker(), chosen.socialWorker()));
            redirect.addFlashAttribute("notice", "residents.resident.done.update");
            return "redirect:/residents/" + id;
        } catch (InvalidFieldsException e) {
            return form(model, form, id, FieldErrors.messages(e, messages, locale), e.existingResidentId());
        }
    }

    private String form(Model model, ResidentForm form, Long id, Map<String, String> errors, Long existing) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("errors", errors);
        model.addAttribute("existing", existing);
        model.addAttribute("gridWorkerName", pickers.gridWorkerName(form));
        model.addAttribute("socialWorkerName", pickers.socialWorkerName(form));
        model.addAttribute("categories", VulnerabilityCategory.values());
        model.addAttribute("disabilityTypes", DisabilityType.values());
        model.addAttribute("bases", LawfulBasis.values());
        return "residents/register/resident-form";
    }

    @GetMapping("/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("errors", Map.of());
        return detailPage(id, model);
    }

    /**
     * The detail page; after a refused household or merge form, with {@code errors} under that form's field and
     * what was typed kept ({@code householdValue}, {@code duplicateValue}).
     */
    private String detailPage(long id, Model model) {
        ResidentDetails resident = residents.get(id);
        model.addAttribute("resident", resident);
        model.addAttribute("regionNames", names.regions(List.of(resident.communityCode())));
        model.addAttribute(
                "gridWorkerName",
                resident.gridWorkerAccountId() == null
                        ? null
                        : names.accounts(List.of(resident.gridWorkerAccountId()))
                                .get(resident.gridWorkerAccountId()));
        model.addAttribute("socialWorkerName", names.socialWorker(resident.socialWorkerId()));
        model.addAttribute("userNames", names.users(List.of(resident.createdBy())));
        model.addAttribute(
                "household", resident.householdId() == null ? null : residents.household(resident.householdId()));
        model.addAttribute("canWrite", residents.callerMayWrite());
        return "residents/register/resident";
    }

    @PostMapping("/{id:\\d+}/reveal/{field}")
    String reveal(
            @PathVariable long id, @PathVariable RevealableField field, @RequestParam String reason, Model model) {
        return RevealFragment.revealed(model, residents.reveal(id, field, reason));
    }

    @PostMapping("/{id:\\d+}/void")
    String voidRecord(
            @PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        residents.voidRecord(id, reason);
        redirect.addFlashAttribute("notice", "residents.resident.done.void");
        return "redirect:/residents/" + id;
    }

    @PostMapping("/{id:\\d+}/unvoid")
    String unvoid(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        residents.unvoid(id, reason);
        redirect.addFlashAttribute("notice", "residents.resident.done.unvoid");
        return "redirect:/residents/" + id;
    }

    /**
     * Merges the record {@code duplicate} into this one (this one survives). The duplicate comes from a picker: its
     * id, or a name typed without script; a name that names nobody is answered under the field, the page kept.
     */
    @PostMapping("/{id:\\d+}/merge")
    String merge(
            @PathVariable long id,
            @RequestParam(required = false) String duplicate,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            Long chosen = pickers.duplicate(id, duplicate);
            if (chosen == null) {
                throw new InvalidValueException("residents.resident.merge.duplicateRequired");
            }
            residents.merge(id, chosen, reason);
        } catch (InvalidValueException e) {
            model.addAttribute("duplicateValue", duplicate);
            model.addAttribute("duplicateLabel", pickers.duplicateLabel(id, duplicate));
            model.addAttribute("reasonValue", reason);
            return refused(id, "duplicate", e, model, locale);
        }
        redirect.addFlashAttribute("notice", "residents.resident.done.merge");
        return "redirect:/residents/" + id;
    }

    /**
     * Starts a household with this resident as head, or links them into an existing one (chosen by a picker: its
     * id, or an address or member's name typed without script; refused under the field, the page kept).
     */
    @PostMapping("/{id:\\d+}/household")
    String household(
            @PathVariable long id,
            @RequestParam(required = false) String household,
            @RequestParam(required = false) String relation,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        long target;
        try {
            Long chosen = pickers.household(id, household, locale);
            if (chosen == null) {
                target = residents.createHousehold(id, null);
            } else {
                residents.linkHousehold(id, chosen, relation);
                target = chosen;
            }
        } catch (InvalidValueException e) {
            model.addAttribute("householdValue", household);
            model.addAttribute("householdLabel", pickers.householdLabel(id, household, locale));
            model.addAttribute("relationValue", relation);
            return refused(id, "household", e, model, locale);
        }
        redirect.addFlashAttribute("notice", "residents.household.done.link");
        return "redirect:/residents/households/" + target;
    }

    private String refused(long id, String field, InvalidValueException e, Model model, Locale locale) {
        model.addAttribute(
                "errors", Map.of(field, messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale)));
        return detailPage(id, model);
    }

    @GetMapping("/households/{id:\\d+}")
    String householdPage(@PathVariable long id, Model model) {
        Household household = residents.household(id);
        model.addAttribute("household", household);
        model.addAttribute("regionNames", names.regions(List.of(household.communityCode())));
        return "residents/register/household";
    }
}
