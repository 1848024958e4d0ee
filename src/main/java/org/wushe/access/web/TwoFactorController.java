package org.wushe.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wushe.access.CurrentUser;
import org.wushe.access.internal.SecondFactor;
import org.wushe.platform.QrCode;
import org.wushe.shared.InvalidValueException;

/** The second sign-in step: enrol an authenticator app (admin roles must), then give its code at each sign-in. */
@Controller
class TwoFactorController {

    static final String ENROLMENT = "wushe.totpEnrolment";

    private final SecondFactor secondFactor;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final HttpSessionSecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

    TwoFactorController(SecondFactor secondFactor, CurrentUser currentUser, MessageSource messages) {
        this.secondFactor = secondFactor;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping(PendingStepFilter.ENROLMENT_PAGE)
    String enrolment(HttpSession session, Model model) {
        var enrolment = (SecondFactor.Enrolment) session.getAttribute(ENROLMENT);
        if (enrolment == null) {
            enrolment = secondFactor.newEnrolment(currentUser.require());
            session.setAttribute(ENROLMENT, enrolment);
        }
        model.addAttribute("enrolment", enrolment);
        model.addAttribute(
                "enrolmentQr",
                QrCode.svg(
                        enrolment.otpauthUri(),
                        messages.getMessage("access.totp.enrol.scan", null, LocaleContextHolder.getLocale())));
        return "access/two-factor";
    }

    @PostMapping(PendingStepFilter.ENROLMENT_PAGE)
    String confirm(
            @RequestParam String code,
            HttpSession session,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        var enrolment = (SecondFactor.Enrolment) session.getAttribute(ENROLMENT);
        if (enrolment == null) {
            return "redirect:" + PendingStepFilter.ENROLMENT_PAGE;
        }
        try {
            complete(secondFactor.confirmEnrolment(currentUser.require(), enrolment.secret(), code), request, response);
        } catch (InvalidValueException e) {
            model.addAttribute("errorMessage", messages.getMessage(e.messageKey(), e.arguments(), locale));
            return enrolment(session, model);
        }
        request.getSession().removeAttribute(ENROLMENT);
        return "redirect:/";
    }

    @GetMapping(PendingStepFilter.CODE_PAGE)
    String codeForm() {
        return "access/code";
    }

    @PostMapping(PendingStepFilter.CODE_PAGE)
    String code(
            @RequestParam String code,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            complete(secondFactor.verify(currentUser.require(), code), request, response);
        } catch (InvalidValueException e) {
            model.addAttribute("errorMessage", messages.getMessage(e.messageKey(), e.arguments(), locale));
            return "access/code";
        } catch (AuthenticationException locked) {
            SecurityContextHolder.clearContext();
            request.getSession().invalidate();
            return "redirect:/login?locked";
        }
        return "redirect:/";
    }

    /** The full session replaces the pending one, under a new session id. */
    private void complete(
            UsernamePasswordAuthenticationToken authentication,
            HttpServletRequest request,
            HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        sessionContexts.saveContext(context, request, response);
    }
}
