package org.wushe.residents.visits;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.platform.ChinaTime;
import org.wushe.residents.register.DisplayNames;
import org.wushe.residents.register.Residents;
import org.wushe.shared.InvalidValueException;

/** Visits of one resident, and the overdue-visits list. */
@Controller
class VisitPageController {

    private final Residents residents;
    private final Visits visits;
    private final MessageSource messages;
    private final DisplayNames names;

    VisitPageController(Residents residents, Visits visits, MessageSource messages, DisplayNames names) {
        this.names = names;
        this.residents = residents;
        this.visits = visits;
        this.messages = messages;
    }

    @GetMapping("/residents/{id:\\d+}/visits")
    String visits(@PathVariable long id, Model model) {
        model.addAttribute("resident", residents.get(id));
        List<VisitDetails> history = visits.history(id);
        model.addAttribute("visits", history);
        model.addAttribute(
                "userNames",
                names.users(history.stream().map(VisitDetails::visitedBy).toList()));
        model.addAttribute("kinds", VisitKind.values());
        model.addAttribute("canWrite", residents.callerMayWrite());
        return "residents/visits/visits";
    }

    @PostMapping("/residents/{id:\\d+}/visits")
    String record(
            @PathVariable long id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime visitedAt,
            @RequestParam(required = false) String notes,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            visits.record(
                    id,
                    VisitKind.parse(kind),
                    visitedAt == null ? null : visitedAt.atZone(ChinaTime.ZONE).toInstant(),
                    notes);
        } catch (InvalidValueException e) {
            model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
            return visits(id, model);
        }
        redirect.addFlashAttribute("notice", "residents.visit.done");
        return "redirect:/residents/" + id + "/visits";
    }

    @GetMapping("/residents/visits/overdue")
    String overdue(
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, Model model) {
        OverduePage result = visits.overdue(page, size);
        model.addAttribute("result", result);
        model.addAttribute(
                "regionNames",
                names.regions(
                        result.rows().stream().map(OverdueVisit::communityCode).toList()));
        model.addAttribute("sizes", Residents.PAGE_SIZES);
        return "residents/visits/overdue";
    }
}
