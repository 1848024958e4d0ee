package org.wushe.residents.verification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.wushe.privacy.RevealFragment;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.residents.register.DisplayNames;
import org.wushe.shared.InvalidValueException;

/**
 * The community worker's pages, built for a phone: the worklist (open tasks first, done / total of the filtered
 * list on top) and the task page (masked ID and phone with audited reveal, the outcome form). Both work without
 * JavaScript.
 */
@Controller
@RequestMapping("/verification/tasks")
class TaskListPage {

    private static final Set<Integer> SIZES = Set.of(10, 20, 50, 100);

    private final VerificationCampaigns campaigns;
    private final MessageSource messages;
    private final DisplayNames names;

    TaskListPage(VerificationCampaigns campaigns, MessageSource messages, DisplayNames names) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.names = names;
    }

    static int size(int size) {
        return SIZES.contains(size) ? size : 20;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) Long campaign,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size,
            Model model) {
        String st = status == null || status.isBlank() ? null : status.strip();
        if (st != null && !st.equals("OPEN") && !st.equals("DONE")) {
            try {
                VerificationOutcome.valueOf(st);
            } catch (IllegalArgumentException e) {
                st = null;
            }
        }
        TaskFilter filter = TaskFilter.of(campaign, region, st, mine);
        model.addAttribute("filter", filter);
        var tasks = campaigns.tasks(filter, Math.max(1, page), size(size));
        model.addAttribute("tasks", tasks);
        model.addAttribute(
                "regionNames",
                names.regions(tasks.rows().stream().map(TaskRow::communityCode).toList()));
        model.addAttribute(
                "open", campaigns.tasks(filter.anyStatus().onlyOpen(), 1, 10).total());
        model.addAttribute("all", campaigns.tasks(filter.anyStatus(), 1, 10).total());
        model.addAttribute("campaign", campaign == null ? null : campaigns.get(campaign));
        model.addAttribute("outcomes", VerificationOutcome.values());
        model.addAttribute("sizes", SIZES.stream().sorted().toList());
        return "residents/verification/tasks";
    }

    @GetMapping("/{id}")
    String task(@PathVariable long id, Model model) {
        var task = campaigns.task(id);
        model.addAttribute("task", task);
        model.addAttribute("recordedAt", Dates.format(task.recordedAt()));
        model.addAttribute("userNames", task.recordedBy() == null ? Map.of() : names.users(List.of(task.recordedBy())));
        if (!model.containsAttribute("draft")) {
            model.addAttribute(
                    "draft",
                    new OutcomeDraft(
                            task.outcome() == null ? null : task.outcome().name(),
                            "",
                            task.correctedAddress(),
                            task.correctedCategory() == null
                                    ? null
                                    : task.correctedCategory().name(),
                            task.note(),
                            task.version()));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("outcomes", VerificationOutcome.values());
        model.addAttribute("categories", VulnerabilityCategory.values());
        return "residents/verification/task";
    }

    @PostMapping("/{id}/outcome")
    String outcome(
            @PathVariable long id,
            @ModelAttribute OutcomeDraft draft,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            var task = campaigns.recordOutcome(id, draft);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/verification/tasks/" + id + "?campaign=" + task.campaignId();
        } catch (FieldsRejectedException e) {
            model.addAttribute("draft", draft);
            model.addAttribute("errors", CampaignPageController.messages(e.problems(), messages, locale));
            return task(id, model);
        } catch (InvalidValueException e) {
            model.addAttribute("draft", draft);
            model.addAttribute("errors", CampaignPageController.messages(Map.of("form", e), messages, locale));
            return task(id, model);
        }
    }

    @PostMapping("/{id}/id-number")
    String revealIdNumber(@PathVariable long id, @RequestParam String reason, Model model) {
        return RevealFragment.revealed(model, campaigns.revealIdNumber(id, reason));
    }

    @PostMapping("/{id}/phone")
    String revealPhone(@PathVariable long id, @RequestParam String reason, Model model) {
        return RevealFragment.revealed(model, campaigns.revealPhone(id, reason));
    }
}
