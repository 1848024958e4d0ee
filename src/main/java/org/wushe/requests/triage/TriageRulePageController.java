package org.wushe.requests.triage;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.requests.Category;
import org.wushe.requests.Priority;
import org.wushe.shared.InvalidValueException;

/** The triage rule table and deadlines: everyone on the worklist reads them, civil-affairs admins edit them. */
@Controller
class TriageRulePageController {

    record Settings(List<?> rules, List<?> deadlines) {}

    private final TriageSettings settings;
    private final MessageSource messages;

    TriageRulePageController(TriageSettings settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/requests/rules")
    String page(Model model) {
        model.addAttribute("rules", settings.rules());
        model.addAttribute("deadlines", settings.deadlines());
        model.addAttribute("categories", Category.values());
        model.addAttribute("priorities", Priority.values());
        return "requests/triage/rules";
    }

    @GetMapping("/api/v1/help-requests/triage-rules")
    @ResponseBody
    Settings api() {
        return new Settings(settings.rules(), settings.deadlines());
    }

    @PostMapping("/requests/rules/{id}")
    String update(
            @PathVariable long id,
            @RequestParam Priority priority,
            @RequestParam(defaultValue = "false") boolean enabled,
            RedirectAttributes flash,
            Locale locale) {
        return act(() -> settings.updateRule(id, priority, enabled), flash, locale);
    }

    @PostMapping("/requests/rules")
    String add(
            @RequestParam(required = false) Category category,
            @RequestParam(defaultValue = "") String question,
            @RequestParam Priority priority,
            RedirectAttributes flash,
            Locale locale) {
        return act(() -> settings.addRule(category, question, priority), flash, locale);
    }

    @PostMapping("/requests/rules/deadlines/{priority}")
    String deadline(
            @PathVariable Priority priority,
            @RequestParam int firstContactMinutes,
            @RequestParam int resolutionMinutes,
            RedirectAttributes flash,
            Locale locale) {
        return act(() -> settings.updateDeadline(priority, firstContactMinutes, resolutionMinutes), flash, locale);
    }

    private String act(Runnable action, RedirectAttributes flash, Locale locale) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.getMessage("requests.notice.saved", null, locale));
        } catch (InvalidValueException e) {
            flash.addFlashAttribute(
                    "actionError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        }
        return "redirect:/requests/rules";
    }
}
