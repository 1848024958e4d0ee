package org.wushe.directory.volunteers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.shared.InvalidValueException;

/**
 * The public, phone-first activation of a volunteer's account (no sign-in, no script, same look as registration):
 * ID number + phone → a page saying a code was sent if they match → code + password → the username to sign in with.
 * ID number and phone travel in form bodies, never in a URL.
 */
@Controller
@RequestMapping("/volunteer/activate")
class VolunteerActivationController {

    private final VolunteerActivations activations;
    private final MessageSource messages;

    VolunteerActivationController(VolunteerActivations activations, MessageSource messages) {
        this.activations = activations;
        this.messages = messages;
    }

    @ModelAttribute
    void common(
            @CookieValue(name = VolunteerRegistrationController.LARGE_COOKIE, required = false) String large,
            Model model) {
        model.addAttribute("large", "1".equals(large));
        model.addAttribute("fontPath", "/volunteer/activate/font");
    }

    @GetMapping
    String start() {
        return "directory/volunteers/volunteer-activate";
    }

    @PostMapping("/code")
    String sendCode(
            @RequestParam(defaultValue = "") String idNumber,
            @RequestParam(defaultValue = "") String phone,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        model.addAttribute("idNumber", idNumber);
        model.addAttribute("phone", phone);
        try {
            activations.requestCode(idNumber, phone, request.getRemoteAddr());
        } catch (InvalidValueException e) {
            model.addAttribute("error", message(e, locale));
            return "directory/volunteers/volunteer-activate";
        }
        return "directory/volunteers/volunteer-activate-password";
    }

    @PostMapping
    String activate(
            @RequestParam(defaultValue = "") String idNumber,
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            HttpServletRequest request,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            String username =
                    activations.activate(idNumber, phone, code, password, confirmation, request.getRemoteAddr());
            redirect.addFlashAttribute("username", username);
            return "redirect:/volunteer/activate/done";
        } catch (InvalidValueException e) {
            model.addAttribute("idNumber", idNumber);
            model.addAttribute("phone", phone);
            model.addAttribute("error", message(e, locale));
            return "directory/volunteers/volunteer-activate-password";
        }
    }

    @GetMapping("/done")
    String done() {
        return "directory/volunteers/volunteer-activated";
    }

    /** 大字版 on or off (the same cookie as registration); back to the first step. */
    @GetMapping("/font")
    String font(@RequestParam(defaultValue = "0") String large, HttpServletResponse response) {
        VolunteerRegistrationController.setLarge(large, response);
        return "redirect:/volunteer/activate";
    }

    private String message(InvalidValueException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
    }
}
