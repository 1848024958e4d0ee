package org.wushe.requests.web;

import org.wushe.access.RoleGroup;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.platform.ChinaTime;
import org.wushe.platform.XlsxDownload;
import org.wushe.requests.Category;
import org.wushe.requests.Channel;
import org.wushe.requests.ForWhom;
import org.wushe.requests.HelpRequestCases;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.HelpRequests;
import org.wushe.requests.IntakeRejectedException;
import org.wushe.requests.Priority;
import org.wushe.requests.ReferralStatus;
import org.wushe.requests.ServiceType;
import org.wushe.requests.Submission;
import org.wushe.requests.Urgency;
import org.wushe.requests.internal.HelpRequest.Party;
import org.wushe.requests.internal.IntakePlaces;
import org.wushe.shared.InvalidValueException;

/**
 * Staff pages: the live worklist (htmx polls the first page every few seconds and swaps it only when asked),
 * recording a request on behalf of a caller, the request page with its actions, "my requests" for assignees
 * and the referrals an organisation received. Actions are plain form posts that come back to the request page
 * with a notice or the localised error.
 */
@Controller
@RequestMapping("/requests")
class HelpRequestPageController {

    private final HelpRequests requests;
    private final HelpRequestCases cases;
    private final IntakePlaces places;
    private final MessageSource messages;
    private final Clock clock;

    HelpRequestPageController(HelpRequests requests, HelpRequestCases cases, IntakePlaces places,
            MessageSource messages, Clock clock) {
        this.requests = requests;
        this.cases = cases;
        this.places = places;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String worklist(@ModelAttribute("query") WorklistQuery query, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        model.addAttribute("page", requests.worklist(query.toFilter()));
        model.addAttribute("places", places);
        model.addAttribute("statuses", HelpRequestStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("now", clock.instant());
        return htmx != null ? "requests/worklist :: rows" : "requests/worklist";
    }

    @GetMapping("/mine")
    String mine(@ModelAttribute("query") WorklistQuery query, Model model) {
        model.addAttribute("page", requests.mine(query.toFilter()));
        model.addAttribute("now", clock.instant());
        return "requests/mine";
    }

    @GetMapping("/export")
    void export(@ModelAttribute WorklistQuery query, HttpServletResponse response, Locale locale) throws IOException {
        List<String> headers = List.of("requests.column.code", "requests.column.category", "requests.column.priority",
                "requests.column.status", "requests.column.channel", "requests.column.region", "requests.column.area",
                "requests.column.submitted", "requests.column.handledBy", "requests.column.overdue").stream()
                .map(k -> messages.getMessage(k, null, k, locale)).toList();
        try (XlsxDownload sheet = new XlsxDownload(messages.getMessage("requests.nav.list", null, locale), headers)) {
            requests.export(query.toFilter(), r -> sheet.row(r.trackingCode(),
                    messages.getMessage("requests.category." + r.category(), null, locale), r.priority().name(),
                    messages.getMessage("requests.status." + r.status(), null, locale),
                    messages.getMessage("requests.channel." + r.channel(), null, locale), r.regionCode(),
                    r.addressArea(), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(r.submittedAt().atZone(ChinaTime.ZONE)), r.handledBy(),
                    r.overdue() ? "✔" : ""));
            sheet.sendAs(response, "help-requests", clock);
        }
    }

    @GetMapping("/new")
    String newForm(Model model) {
        IntakeForm form = new IntakeForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        return recordPage(form, model);
    }

    @PostMapping("/new")
    String record(@ModelAttribute("form") IntakeForm form, Model model, Locale locale, HttpServletResponse response) {
        Submission s;
        try {
            Channel channel = form.getChannel() == null || form.getChannel().isBlank() ? null
                    : Channel.valueOf(form.getChannel());
            s = requests.record(form.toIntake(), channel);
        } catch (IntakeRejectedException e) {
            model.addAttribute("errors", FieldErrors.of(e, messages, locale));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return recordPage(form, model);
        }
        return "redirect:/requests/" + s.id();
    }

    private String recordPage(IntakeForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("categories", Category.values());
        model.addAttribute("forWhoms", ForWhom.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("channels", List.of(Channel.HOTLINE, Channel.ONLINE_GROUP, Channel.WALK_IN));
        model.addAttribute("city", places.city());
        return "requests/new";
    }

    @GetMapping("/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        var d = requests.details(id);
        model.addAttribute("r", d);
        model.addAttribute("places", places);
        model.addAttribute("now", clock.instant());
        model.addAttribute("serviceTypes", ServiceType.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("staff", isStaff());
        if (d.status().open() && isStaff()) {
            model.addAttribute("suggestions", cases.suggestions(id));
            model.addAttribute("referralTargets", cases.referralTargets(id));
        }
        return "requests/detail";
    }

    private static boolean isStaff() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> RoleGroup.HELP_REQUEST_STAFF.authorities().contains(a.getAuthority()));
    }

    @PostMapping("/{id}/triage")
    String triage(@PathVariable long id, @RequestParam Priority priority, RedirectAttributes flash, Locale locale) {
        return act(id, () -> cases.triage(id, priority), flash, locale);
    }

    @PostMapping("/{id}/assignment")
    String assign(@PathVariable long id, @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) Long socialWorkerId, @RequestParam(required = false) Long volunteerId,
            RedirectAttributes flash, Locale locale) {
        return act(id, () -> cases.assign(id, organisationId, socialWorkerId, volunteerId), flash, locale);
    }

    @PostMapping("/bulk-assignment")
    String bulkAssign(@RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(required = false) Long socialWorkerId, RedirectAttributes flash, Locale locale) {
        try {
            cases.bulkAssign(ids, null, socialWorkerId, null);
            flash.addFlashAttribute("notice", messages.getMessage("requests.notice.saved", null, locale));
        } catch (InvalidValueException e) {
            flash.addFlashAttribute("actionError", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/requests";
    }

    @PostMapping("/{id}/acceptance")
    String accept(@PathVariable long id, @RequestParam(required = false) Party party, RedirectAttributes flash,
            Locale locale) {
        return act(id, () -> cases.accept(id, party), flash, locale);
    }

    @PostMapping("/{id}/decline")
    String decline(@PathVariable long id, @RequestParam(required = false) Party party,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes flash, Locale locale) {
        return act(id, () -> cases.decline(id, party, reason), flash, locale);
    }

    @PostMapping("/{id}/start")
    String start(@PathVariable long id, RedirectAttributes flash, Locale locale) {
        return act(id, () -> cases.start(id), flash, locale);
    }

    @PostMapping("/{id}/resolution")
    String resolve(@PathVariable long id, @RequestParam(defaultValue = "") String summary,
            @RequestParam(name = "serviceTypes", required = false) List<ServiceType> serviceTypes,
            @RequestParam(defaultValue = "0") int personTimes, RedirectAttributes flash, Locale locale) {
        return act(id, () -> cases.resolve(id, summary, serviceTypes == null ? List.of() : serviceTypes, personTimes),
                flash, locale);
    }

    @PostMapping("/{id}/closure")
    String close(@PathVariable long id, RedirectAttributes flash, Locale locale) {
        return act(id, () -> cases.close(id), flash, locale);
    }

    @PostMapping("/{id}/cancellation")
    String cancel(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash,
            Locale locale) {
        return act(id, () -> cases.cancel(id, reason), flash, locale);
    }

    @PostMapping("/{id}/notes")
    String note(@PathVariable long id, @RequestParam(defaultValue = "") String text, RedirectAttributes flash,
            Locale locale) {
        return act(id, () -> cases.note(id, text), flash, locale);
    }

    @PostMapping("/{id}/referrals")
    String refer(@PathVariable long id, @RequestParam(required = false) Long organisationId,
            @RequestParam(defaultValue = "") String part, RedirectAttributes flash, Locale locale) {
        return act(id, () -> {
            if (organisationId == null) {
                throw new InvalidValueException("requests.error.assigneeUnknown");
            }
            cases.refer(id, organisationId, part);
        }, flash, locale);
    }

    @PostMapping("/{id}/referrals/{referralId}/withdrawal")
    String withdraw(@PathVariable long id, @PathVariable long referralId, RedirectAttributes flash, Locale locale) {
        return act(id, () -> cases.withdrawReferral(referralId), flash, locale);
    }

    @PostMapping("/{id}/follow-ups")
    String followUp(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reached,
            @RequestParam(required = false) Integer satisfaction, @RequestParam(defaultValue = "") String note,
            RedirectAttributes flash, Locale locale) {
        return act(id, () -> cases.followUp(id, reached, satisfaction, note), flash, locale);
    }

    @PostMapping("/{id}/phone/reveal")
    String revealPhone(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes flash, Locale locale) {
        return act(id, () -> flash.addFlashAttribute("revealedPhone", requests.revealPhone(id, reason)), flash,
                locale);
    }

    @GetMapping("/referrals")
    String referrals(Model model) {
        model.addAttribute("referrals", cases.referralsToMyOrganisation());
        return "requests/referrals";
    }

    @PostMapping("/referrals/{referralId}")
    String actOnReferral(@PathVariable long referralId, @RequestParam ReferralStatus status,
            @RequestParam(defaultValue = "") String note, RedirectAttributes flash, Locale locale) {
        try {
            cases.actOnReferral(referralId, status, note);
            flash.addFlashAttribute("notice", messages.getMessage("requests.notice.saved", null, locale));
        } catch (InvalidValueException e) {
            flash.addFlashAttribute("actionError", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/requests/referrals";
    }

    private String act(long id, Runnable action, RedirectAttributes flash, Locale locale) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.getMessage("requests.notice.saved", null, locale));
        } catch (InvalidValueException e) {
            flash.addFlashAttribute("actionError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(),
                    locale));
        }
        return "redirect:/requests/" + id;
    }
}
