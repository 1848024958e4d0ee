package org.wushe.access.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.Accounts;
import org.wushe.access.CurrentUser;
import org.wushe.shared.InvalidValueException;

/** The signed-in user's own password (the first page after signing in with a temporary one). */
@Controller
class OwnAccountController {

    private final Accounts accounts;
    private final CurrentUser currentUser;

    OwnAccountController(Accounts accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @GetMapping(PendingStepFilter.PASSWORD_PAGE)
    String passwordForm(Model model) {
        model.addAttribute("temporary", currentUser.principal().map(p -> p.roles().isEmpty()).orElse(false));
        return "access/password";
    }

    @PostMapping(PendingStepFilter.PASSWORD_PAGE)
    String changePassword(@RequestParam String current, @RequestParam String replacement,
            @RequestParam String confirmation, Model model, RedirectAttributes redirect) {
        try {
            if (!replacement.equals(confirmation)) {
                throw new InvalidValueException("access.password.mismatch");
            }
            accounts.changeOwnPassword(current, replacement);
        } catch (InvalidValueException e) {
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.arguments());
            return passwordForm(model);
        }
        redirect.addFlashAttribute("notice", "access.password.changed");
        return "redirect:/";
    }
}
