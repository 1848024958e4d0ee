package org.wushe.residents.checkins;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.wushe.platform.QrCode;
import org.wushe.residents.checkins.CheckIns.LinkRecipient;
import org.wushe.residents.register.DisplayNames;
import org.wushe.residents.register.FieldErrors;
import org.wushe.residents.register.InvalidFieldsException;
import org.wushe.residents.register.ResidentDetails;
import org.wushe.residents.register.Residents;
import org.wushe.shared.InvalidValueException;

/**
 * The daily check-in of one resident: enrolment (with the 称呼 the page greets by; re-enrolling asks for
 * confirmation, as it invalidates the old link), the new link with its QR code, a copy button and "send by SMS",
 * check-ins recorded by staff, alerts. A bad value is shown at its field; the rest of the page stays.
 */
@Controller
class CheckInPageController {

    private static final String PAGE = "residents/checkins/check-in";

    private final Residents residents;
    private final CheckIns checkIns;
    private final MessageSource messages;
    private final DisplayNames names;

    CheckInPageController(Residents residents, CheckIns checkIns, MessageSource messages, DisplayNames names) {
        this.names = names;
        this.residents = residents;
        this.checkIns = checkIns;
        this.messages = messages;
    }

    @GetMapping("/residents/{id:\\d+}/check-in")
    String checkIn(@PathVariable long id, Model model, Locale locale) {
        Object issued = model.getAttribute("issuedToken");
        return page(id, model, issued instanceof String t ? t : null, Map.of(), null, null, locale);
    }

    @PostMapping("/residents/{id:\\d+}/check-in/enrolment")
    String enrol(
            @PathVariable long id,
            @RequestParam(required = false) String deadline,
            @RequestParam(required = false) String addressAs,
            @RequestParam(required = false) boolean confirmReplace,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalTime time = null;
        try {
            time = deadline == null || deadline.isBlank() ? null : LocalTime.parse(deadline.strip());
        } catch (DateTimeParseException e) {
            errors.put("deadline", message("residents.checkIn.deadline.required", locale));
        }
        if (time == null && errors.isEmpty()) {
            errors.put("deadline", message("residents.checkIn.deadline.required", locale));
        }
        try {
            CheckIns.addressAs(addressAs);
        } catch (InvalidFieldsException e) {
            errors.putAll(FieldErrors.messages(e, messages, locale));
        }
        CheckInOverview overview = checkIns.overview(id);
        if (overview.enrolment() != null && overview.enrolment().active() && !confirmReplace) {
            errors.put("confirmReplace", message("residents.checkIn.confirmReplace.required", locale));
        }
        if (!errors.isEmpty()) {
            return page(id, model, null, errors, deadline, addressAs, locale);
        }
        String token;
        try {
            token = checkIns.enrol(id, time, addressAs);
        } catch (InvalidFieldsException e) {
            return page(id, model, null, FieldErrors.messages(e, messages, locale), deadline, addressAs, locale);
        }
        redirect.addFlashAttribute("notice", "residents.checkIn.done.enrol");
        redirect.addFlashAttribute("issuedToken", token);
        return "redirect:/residents/" + id + "/check-in";
    }

    /** Sends the link just issued (the page holds its token) by SMS to the resident or a relative. */
    @PostMapping("/residents/{id:\\d+}/check-in/sms")
    String sendLink(
            @PathVariable long id,
            @RequestParam(required = false) String token,
            @RequestParam(required = false) LinkRecipient to,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            checkIns.sendLink(id, token, to, linkUrl(token));
        } catch (InvalidValueException e) {
            String shown = checkIns.isCurrentLink(id, token) ? token : null;
            return page(id, model, shown, Map.of("sms", message(e.messageKey(), locale)), null, null, locale);
        }
        redirect.addFlashAttribute("notice", "residents.checkIn.sms.sent." + to.name());
        redirect.addFlashAttribute("issuedToken", token);
        return "redirect:/residents/" + id + "/check-in";
    }

    @PostMapping("/residents/{id:\\d+}/check-in/stop")
    String stop(@PathVariable long id, RedirectAttributes redirect) {
        checkIns.stop(id);
        redirect.addFlashAttribute("notice", "residents.checkIn.done.stop");
        return "redirect:/residents/" + id + "/check-in";
    }

    @PostMapping("/residents/{id:\\d+}/check-in")
    String record(
            @PathVariable long id, @RequestParam(required = false) CheckInStatus status, RedirectAttributes redirect) {
        checkIns.recordByStaff(id, status);
        redirect.addFlashAttribute("notice", "residents.checkIn.done.record");
        return "redirect:/residents/" + id + "/check-in";
    }

    private String page(
            long id,
            Model model,
            String token,
            Map<String, String> errors,
            String deadline,
            String addressAs,
            Locale locale) {
        ResidentDetails resident = residents.get(id);
        CheckInOverview overview = checkIns.overview(id);
        model.addAttribute("resident", resident);
        model.addAttribute("overview", overview);
        model.addAttribute(
                "userNames",
                names.users(overview.checkIns().stream()
                        .map(CheckInOverview.Entry::by)
                        .toList()));
        model.addAttribute("canWrite", residents.callerMayWrite());
        model.addAttribute("errors", errors);
        model.addAttribute(
                "deadlineValue",
                deadline != null
                        ? deadline
                        : overview.enrolment() != null
                                ? overview.enrolment().deadline().toString()
                                : "10:00");
        model.addAttribute(
                "addressAsValue",
                addressAs != null
                        ? addressAs
                        : overview.enrolment() != null ? overview.enrolment().addressAs() : "");
        if (token != null) {
            String url = linkUrl(token);
            model.addAttribute("issuedToken", token);
            model.addAttribute("linkUrl", url);
            model.addAttribute("linkQr", QrCode.svg(url, message("residents.checkIn.qr", locale)));
        }
        return PAGE;
    }

    /** The link as the resident's phone opens it: this server's address, as the request reached it. */
    private static String linkUrl(String token) {
        return token == null
                ? ""
                : ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/check-in/{token}")
                        .buildAndExpand(token)
                        .toUriString();
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
