package org.wushe.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
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
    private final MessageSource messages;
    private final HttpSessionSecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

    OwnAccountController(Accounts accounts, CurrentUser currentUser, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
        this.currentUser = currentUser;
    }

    @GetMapping(PendingStepFilter.PASSWORD_PAGE)
    String passwordForm(Model model) {
        model.addAttribute(
                "temporary",
                currentUser.principal().map(p -> p.roles().isEmpty()).orElse(false));
        return "access/password";
    }

    @PostMapping(PendingStepFilter.PASSWORD_PAGE)
    String changePassword(
            @RequestParam String current,
            @RequestParam String replacement,
            @RequestParam String confirmation,
            Model model,
            RedirectAttributes redirect,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            if (!replacement.equals(confirmation)) {
                throw new InvalidValueException("access.password.mismatch");
            }
            accounts.changeOwnPassword(current, replacement);
            // The façade put the full session (roles, scope) in the holder; keep it in the session store too.
            request.changeSessionId();
            sessionContexts.saveContext(SecurityContextHolder.getContext(), request, response);
        } catch (InvalidValueException e) {
            model.addAttribute("errorMessage", messages.getMessage(e.messageKey(), e.arguments(), locale));
            return passwordForm(model);
        }
        redirect.addFlashAttribute("notice", "access.password.changed");
        return "redirect:/";
    }
}
