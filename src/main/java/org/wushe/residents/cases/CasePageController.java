package org.wushe.residents.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.AccountPicker;
import org.wushe.access.Role;
import org.wushe.residents.register.DisplayNames;
import org.wushe.residents.register.Residents;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** Case work pages: cases in scope, a resident's cases, one case with its stages and (for those allowed) notes. */
@Controller
class CasePageController {

    /** Who may be a case's worker, and its supervisor (what {@link Cases#open} accepts). */
    static final Set<Role> WORKER_ROLES = Set.of(Role.SOCIAL_WORKER);

    static final Set<Role> SUPERVISOR_ROLES = Set.of(Role.SOCIAL_WORKER, Role.STATION_STAFF);

    private final Residents residents;
    private final Cases cases;
    private final DisplayNames names;
    private final AccountPicker accounts;
    private final MessageSource messages;

    CasePageController(
            Residents residents, Cases cases, DisplayNames names, AccountPicker accounts, MessageSource messages) {
        this.names = names;
        this.residents = residents;
        this.cases = cases;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/residents/cases")
    String all(@RequestParam(required = false) CaseStage stage, Model model) {
        List<CaseDetails> all = cases.list(null, stage);
        model.addAttribute("cases", all);
        model.addAttribute(
                "regionNames",
                names.regions(all.stream().map(CaseDetails::communityCode).toList()));
        model.addAttribute("stages", CaseStage.values());
        model.addAttribute("stage", stage);
        return "residents/cases/cases";
    }

    @GetMapping("/residents/{id:\\d+}/cases")
    String ofResident(@PathVariable long id, Model model) {
        model.addAttribute("errors", Map.of());
        return casesPage(id, model);
    }

    private String casesPage(long id, Model model) {
        model.addAttribute("resident", residents.get(id));
        model.addAttribute("cases", cases.list(id, null));
        model.addAttribute("canWrite", residents.callerMayWrite());
        return "residents/cases/resident-cases";
    }

    /** The worker picker's options: social-worker accounts covering the resident's community, by name. */
    @GetMapping("/residents/{id:\\d+}/cases/pickers/workers")
    String workers(@PathVariable long id, @RequestParam(defaultValue = "") String q, Model model) {
        return options(id, q, WORKER_ROLES, model);
    }

    /** The supervisor picker's options: social-worker and station accounts covering the resident's community. */
    @GetMapping("/residents/{id:\\d+}/cases/pickers/supervisors")
    String supervisors(@PathVariable long id, @RequestParam(defaultValue = "") String q, Model model) {
        return options(id, q, SUPERVISOR_ROLES, model);
    }

    private String options(long id, String q, Set<Role> roles, Model model) {
        if (!residents.callerMayWrite()) {
            throw new AccessDeniedException("cases");
        }
        model.addAttribute("q", q.strip());
        model.addAttribute("options", accounts.pick(q, roles, residents.get(id).communityCode()));
        return "fragments/picker :: options";
    }

    /**
     * Opens a case. Worker and supervisor come from pickers (an account id, or a name typed without script); a
     * name that names nobody, or any refused field, is answered under its field with the rest of the form kept.
     */
    @PostMapping("/residents/{id:\\d+}/cases")
    String open(
            @PathVariable long id,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String worker,
            @RequestParam(required = false) String supervisor,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        RegionCode community = residents.get(id).communityCode();
        Map<String, String> errors = new LinkedHashMap<>();
        Long workerId = resolve(errors, "worker", locale, () -> accounts.resolve(worker, WORKER_ROLES, community));
        Long supervisorId =
                resolve(errors, "supervisor", locale, () -> accounts.resolve(supervisor, SUPERVISOR_ROLES, community));
        if (errors.isEmpty()) {
            try {
                long caseId = cases.open(id, title, workerId, supervisorId);
                redirect.addFlashAttribute("notice", "residents.case.done.open");
                return "redirect:/residents/cases/" + caseId;
            } catch (InvalidValueException e) {
                errors.put(fieldOf(e.messageKey()), message(e, locale));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("titleValue", title);
        model.addAttribute("workerValue", worker);
        model.addAttribute("supervisorValue", supervisor);
        model.addAttribute("workerName", nameOf(worker, WORKER_ROLES, community));
        model.addAttribute("supervisorName", nameOf(supervisor, SUPERVISOR_ROLES, community));
        return casesPage(id, model);
    }

    private Long resolve(Map<String, String> errors, String field, Locale locale, Supplier<Long> resolution) {
        try {
            return resolution.get();
        } catch (InvalidValueException e) {
            errors.put(field, message(e, locale));
            return null;
        }
    }

    private String nameOf(String raw, Set<Role> roles, RegionCode community) {
        String t = raw == null ? "" : raw.strip();
        return t.matches("\\d{1,18}")
                ? accounts.nameOf(Long.parseLong(t), roles, community).orElse(null)
                : null;
    }

    /** Which field of the form a refusal of {@link Cases#open} belongs under ({@code form}: on top). */
    private static String fieldOf(String messageKey) {
        if (messageKey.startsWith("residents.case.title.")) {
            return "title";
        }
        if (messageKey.startsWith("residents.case.worker.")) {
            return "worker";
        }
        return messageKey.startsWith("residents.case.supervisor.") ? "supervisor" : "form";
    }

    private String message(InvalidValueException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
    }

    @GetMapping("/residents/cases/{caseId:\\d+}")
    String one(@PathVariable long caseId, Model model) {
        var c = cases.get(caseId);
        model.addAttribute("c", c);
        model.addAttribute("regionNames", names.regions(List.of(c.communityCode())));
        var ids = new ArrayList<Long>();
        ids.add(c.workerAccountId());
        if (c.supervisorAccountId() != null) {
            ids.add(c.supervisorAccountId());
        }
        model.addAttribute("accountNames", names.accounts(ids));
        model.addAttribute("stages", CaseStage.values());
        model.addAttribute("next", c.stage().next().orElse(null));
        List<CaseNote> notes = c.canSeeNotes() ? cases.notes(caseId) : null;
        model.addAttribute("notes", notes);
        List<String> users = new ArrayList<>();
        c.transitions().forEach(t -> users.add(t.by()));
        if (notes != null) {
            notes.forEach(n -> users.add(n.writtenBy()));
        }
        model.addAttribute("userNames", names.users(users));
        return "residents/cases/case";
    }

    @PostMapping("/residents/cases/{caseId:\\d+}/stage")
    String advance(
            @PathVariable long caseId, @RequestParam(required = false) CaseStage target, RedirectAttributes redirect) {
        cases.advance(caseId, target);
        redirect.addFlashAttribute("notice", "residents.case.done.advance");
        return "redirect:/residents/cases/" + caseId;
    }

    @PostMapping("/residents/cases/{caseId:\\d+}/notes")
    String note(@PathVariable long caseId, @RequestParam(required = false) String body, RedirectAttributes redirect) {
        cases.addNote(caseId, body);
        redirect.addFlashAttribute("notice", "residents.case.done.note");
        return "redirect:/residents/cases/" + caseId;
    }
}
