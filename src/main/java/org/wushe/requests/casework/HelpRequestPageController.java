package org.wushe.requests.casework;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.AccountNames;
import org.wushe.access.RoleGroup;
import org.wushe.requests.IntakePlaces;
import org.wushe.requests.Priority;
import org.wushe.requests.ServiceType;
import org.wushe.requests.casework.HelpRequest.Party;
import org.wushe.shared.InvalidValueException;

/**
 * Staff pages of case work: the request page with its actions and the referrals an organisation received.
 * Actions are plain form posts that come back to the request page with a notice or the localised error.
 */
@Controller
@RequestMapping("/requests")
class HelpRequestPageController {

    private final HelpRequestViews views;
    private final HelpRequestCases cases;
    private final IntakePlaces places;
    private final MessageSource messages;
    private final Clock clock;
    private final AccountNames accounts;

    HelpRequestPageController(
            HelpRequestViews views,
            HelpRequestCases cases,
            IntakePlaces places,
            MessageSource messages,
            Clock clock,
            AccountNames accounts) {
        this.accounts = accounts;
        this.views = views;
        this.cases = cases;
        this.places = places;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        var d = views.details(id);
        model.addAttribute("r", d);
        model.addAttribute("places", places);
        model.addAttribute("now", clock.instant());
        model.addAttribute("serviceTypes", ServiceType.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("staff", isStaff());
        Set<String> actors = new HashSet<>();
        d.timeline().forEach(l -> actors.add(l.actor()));
        d.followUps().forEach(f -> actors.add(f.by()));
        model.addAttribute("actors", accounts.displayNamesByUsername(actors));
        if (d.status().open() && isStaff()) {
            model.addAttribute("suggestions", cases.suggestions(id));
            model.addAttribute("referralTargets", cases.referralTargets(id));
        }
        return "requests/casework/detail";
    }

    private static boolean isStaff() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.getAuthorities().stream()
                        .anyMatch(
                                a -> RoleGroup.HELP_REQUEST_STAFF.authorities().contains(a.getAuthority()));
    }

    @PostMapping("/{id}/triage")
    String triage(@PathVariable long id, @RequestParam Priority priority, RedirectAttributes flash, Locale locale) {
        return act(id, () -> cases.triage(id, priority), flash, locale);
    }

    @PostMapping("/{id}/assignment")
    String assign(
            @PathVariable long id,
            @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) Long socialWorkerId,
            @RequestParam(required = false) Long volunteerId,
            RedirectAttributes flash,
            Locale locale) {
        return act(id, () -> cases.assign(id, organisationId, socialWorkerId, volunteerId), flash, locale);
    }

    @PostMapping("/bulk-assignment")
    String bulkAssign(
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(required = false) Long socialWorkerId,
            RedirectAttributes flash,
            Locale locale) {
        try {
            cases.bulkAssign(ids, null, socialWorkerId, null);
            flash.addFlashAttribute("notice", messages.getMessage("requests.notice.saved", null, locale));
        } catch (InvalidValueException e) {
            flash.addFlashAttribute("actionError", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/requests";
    }

    @PostMapping("/{id}/acceptance")
    String accept(
            @PathVariable long id,
            @RequestParam(required = false) Party party,
            RedirectAttributes flash,
            Locale locale) {
        return act(id, () -> cases.accept(id, party), flash, locale);
    }

    @PostMapping("/{id}/decline")
    String decline(
            @PathVariable long id,
            @RequestParam(required = false) Party party,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes flash,
            Locale locale) {
        return act(id, () -> cases.decline(id, party, reason), flash, locale);
    }

    @PostMapping("/{id}/start")
    String start(@PathVariable long id, RedirectAttributes flash, Locale locale) {
        return act(id, () -> cases.start(id), flash, locale);
    }

    @PostMapping("/{id}/resolution")
    String resolve(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String summary,
            @RequestParam(name = "serviceTypes", required = false) List<ServiceType> serviceTypes,
            @RequestParam(defaultValue = "0") int personTimes,
            RedirectAttributes flash,
            Locale locale) {
        return act(
                id,
                () -> cases.resolve(id, summary, serviceTypes == null ? List.of() : serviceTypes, personTimes),
                flash,
                locale);
    }

    @PostMapping("/{id}/closure")
    String close(@PathVariable long id, RedirectAttributes flash, Locale locale) {
        return act(id, () -> cases.close(id), flash, locale);
    }

    @PostMapping("/{id}/cancellation")
    String cancel(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes flash,
            Locale locale) {
        return act(id, () -> cases.cancel(id, reason), flash, locale);
    }

    @PostMapping("/{id}/notes")
    String note(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes flash,
            Locale locale) {
        return act(id, () -> cases.note(id, text), flash, locale);
    }

    @PostMapping("/{id}/referrals")
    String refer(
            @PathVariable long id,
            @RequestParam(required = false) Long organisationId,
            @RequestParam(defaultValue = "") String part,
            RedirectAttributes flash,
            Locale locale) {
        return act(
                id,
                () -> {
                    if (organisationId == null) {
                        throw new InvalidValueException("requests.error.assigneeUnknown");
                    }
                    cases.refer(id, organisationId, part);
                },
                flash,
                locale);
    }

    @PostMapping("/{id}/referrals/{referralId}/withdrawal")
    String withdraw(@PathVariable long id, @PathVariable long referralId, RedirectAttributes flash, Locale locale) {
        return act(id, () -> cases.withdrawReferral(referralId), flash, locale);
    }

    @PostMapping("/{id}/follow-ups")
    String followUp(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean reached,
            @RequestParam(required = false) Integer satisfaction,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes flash,
            Locale locale) {
        return act(id, () -> cases.followUp(id, reached, satisfaction, note), flash, locale);
    }

    @PostMapping("/{id}/phone/reveal")
    String revealPhone(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes flash,
            Locale locale) {
        return act(id, () -> flash.addFlashAttribute("revealedPhone", views.revealPhone(id, reason)), flash, locale);
    }

    @GetMapping("/referrals")
    String referrals(Model model) {
        model.addAttribute("referrals", cases.referralsToMyOrganisation());
        model.addAttribute("places", places);
        return "requests/casework/referrals";
    }

    @PostMapping("/referrals/{referralId}")
    String actOnReferral(
            @PathVariable long referralId,
            @RequestParam ReferralStatus status,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes flash,
            Locale locale) {
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
            flash.addFlashAttribute(
                    "actionError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        }
        return "redirect:/requests/" + id;
    }
}
