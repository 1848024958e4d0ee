package org.wushe.requests.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wushe.privacy.CryptoService;
import org.wushe.privacy.DecryptionException;
import org.wushe.requests.Category;
import org.wushe.requests.ForWhom;
import org.wushe.requests.HelpRequestNotFoundException;
import org.wushe.requests.IntakePlaces;
import org.wushe.requests.TrackingCodes;
import org.wushe.requests.Urgency;
import org.wushe.requests.casework.HelpRequestCases;
import org.wushe.requests.casework.HelpRequestViews;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;

/**
 * The resident's pages (no sign-in), phone-first and light: the intake form (works without scripts: "获取验证码"
 * re-posts the whole form so nothing typed is lost), then the status page by tracking code. A phone verified
 * here stays verified in this session for 30 minutes, so a second request (for a family member) needs no new code.
 */
@Controller
@RequestMapping("/help")
class PublicHelpController {

    static final String LARGE_COOKIE = "wushe-large";
    static final String VERIFIED = "requests.verifiedPhone";

    /** The phone is kept encrypted: sessions live in a database table (spring_session_attributes). */
    record VerifiedPhone(byte[] phoneCipher, Instant until) implements Serializable {}

    static final String SESSION_TABLE = "spring_session_attributes";
    static final String SESSION_COLUMN = "requests_verified_phone";

    private final HelpRequests requests;
    private final HelpRequestViews views;
    private final HelpRequestCases cases;
    private final IntakePlaces places;
    private final MessageSource messages;
    private final Clock clock;
    private final CryptoService crypto;

    PublicHelpController(
            HelpRequests requests,
            HelpRequestViews views,
            HelpRequestCases cases,
            IntakePlaces places,
            MessageSource messages,
            CryptoService crypto,
            Clock clock) {
        this.crypto = crypto;
        this.clock = clock;
        this.requests = requests;
        this.views = views;
        this.cases = cases;
        this.places = places;
        this.messages = messages;
    }

    @ModelAttribute
    void common(
            @CookieValue(name = LARGE_COOKIE, required = false) String large, HttpServletRequest request, Model model) {
        model.addAttribute("large", "1".equals(large));
        model.addAttribute("here", request.getRequestURI());
    }

    // The session is looked up, never created, until a request has been submitted (an HttpSession parameter would
    // create one for every visitor, and each is a row in PostgreSQL).
    @GetMapping
    String form(Model model, HttpServletRequest request) {
        IntakeForm form = new IntakeForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        verified(request.getSession(false)).ifPresent(form::setPhone);
        return formPage(form, model, request.getSession(false));
    }

    /** Sends the code and shows the same form again with everything typed kept. */
    @PostMapping("/code")
    String sendCode(@ModelAttribute("form") IntakeForm form, HttpServletRequest request, Model model, Locale locale) {
        try {
            requests.requestCode(form.getPhone(), request.getRemoteAddr());
            model.addAttribute("codeSent", true);
        } catch (IntakeRejectedException e) {
            model.addAttribute("errors", FieldErrors.of(e, messages, locale));
        }
        return formPage(form, model, request.getSession(false));
    }

    @PostMapping
    String submit(
            @ModelAttribute("form") IntakeForm form,
            HttpServletRequest request,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Submission s;
        try {
            s = requests.submit(form.toIntake(), request.getRemoteAddr(), verified(session));
        } catch (IntakeRejectedException e) {
            model.addAttribute("errors", FieldErrors.of(e, messages, locale));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formPage(form, model, session);
        }
        request.getSession()
                .setAttribute(
                        VERIFIED,
                        new VerifiedPhone(
                                crypto.encrypt(
                                        PhoneNumber.parse(form.getPhone()).value(), SESSION_TABLE, SESSION_COLUMN),
                                clock.instant().plus(PhoneVerifications.VERIFIED_FOR)));
        return "redirect:/help/status/" + s.trackingCode() + "?new";
    }

    @GetMapping("/track")
    String track() {
        return "requests/intake/help-track";
    }

    /** Lost the code: the codes of the last 30 days go by SMS to the phone; the answer is the same either way. */
    @PostMapping("/track/lost")
    String sendLostCodes(
            @RequestParam(defaultValue = "") String phone, HttpServletRequest request, Model model, Locale locale) {
        try {
            requests.sendLostCodes(phone, request.getRemoteAddr());
            model.addAttribute("lostSent", true);
        } catch (IntakeRejectedException e) {
            model.addAttribute("errors", FieldErrors.of(e, messages, locale));
            model.addAttribute("lostPhone", phone);
        }
        return "requests/intake/help-track";
    }

    @PostMapping("/track")
    String lookUp(@RequestParam(defaultValue = "") String code) {
        String normal = TrackingCodes.normalise(code);
        return "redirect:/help/status/" + (normal == null ? "unknown" : normal);
    }

    @GetMapping("/status/{code}")
    String status(
            @PathVariable String code,
            @RequestParam(name = "new", required = false) String isNew,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var status = views.publicStatus(code, request.getRemoteAddr());
        if (status.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("here", "/help/track"); // the unknown code is not echoed anywhere
            return "requests/intake/help-not-found";
        }
        model.addAttribute("status", status.get());
        model.addAttribute("display", TrackingCodes.display(status.get().trackingCode()));
        model.addAttribute("isNew", isNew != null);
        model.addAttribute("now", clock.instant());
        return "requests/intake/help-status";
    }

    @PostMapping("/status/{code}/information")
    String addInformation(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String text,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        return act(code, () -> cases.residentAddsInformation(code, text), request, response, model, locale);
    }

    @PostMapping("/status/{code}/cancellation")
    String cancel(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String sure,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        return act(
                code,
                () -> {
                    if (!"yes".equals(sure)) {
                        throw new InvalidValueException("requests.cancel.confirmRequired");
                    }
                    cases.residentCancels(code);
                },
                request,
                response,
                model,
                locale);
    }

    @PostMapping("/status/{code}/confirmation")
    String confirm(
            @PathVariable String code,
            @RequestParam(required = false) Integer rating,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        return act(code, () -> cases.residentConfirms(code, rating), request, response, model, locale);
    }

    /** 大字版 on or off, remembered for a year; back to the page it was chosen on. */
    @GetMapping("/font")
    String font(
            @RequestParam(defaultValue = "0") String large,
            @RequestParam(defaultValue = "/help") String back,
            HttpServletResponse response) {
        boolean on = "1".equals(large);
        response.addHeader(
                "Set-Cookie",
                ResponseCookie.from(LARGE_COOKIE, on ? "1" : "0")
                        .path("/help")
                        .maxAge(Duration.ofDays(365))
                        .httpOnly(true)
                        .sameSite("Lax")
                        .build()
                        .toString());
        String target = back.startsWith("/help") && !back.contains("//") && !back.contains("\\") ? back : "/help";
        return "redirect:" + target;
    }

    private String act(
            String code,
            Runnable action,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            Locale locale) {
        try {
            action.run();
        } catch (HelpRequestNotFoundException e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("here", "/help/track");
            return "requests/intake/help-not-found";
        } catch (InvalidValueException e) {
            model.addAttribute(
                    "actionError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return status(code, null, request, response, model);
        }
        return "redirect:/help/status/" + TrackingCodes.normalise(code);
    }

    private String formPage(IntakeForm form, Model model, HttpSession session) {
        model.addAttribute("form", form);
        model.addAttribute("categories", Category.values());
        model.addAttribute("forWhoms", ForWhom.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("places", places.byDistrict());
        model.addAttribute("verifiedPhone", verified(session).orElse(null));
        return "requests/intake/help-form";
    }

    Optional<String> verified(HttpSession session) {
        if (session == null || !(session.getAttribute(VERIFIED) instanceof VerifiedPhone v)) {
            return Optional.empty();
        }
        // a session saved before the phone was encrypted, or under a key since dropped: the resident verifies again
        if (!v.until().isAfter(clock.instant()) || v.phoneCipher() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(crypto.decrypt(v.phoneCipher(), SESSION_TABLE, SESSION_COLUMN));
        } catch (DecryptionException e) {
            return Optional.empty();
        }
    }
}
