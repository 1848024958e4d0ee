package org.wushe.residents.checkins;

import java.time.LocalTime;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.access.RoleGroup;
import org.wushe.residents.register.Residents;

/** The daily check-in of one resident: enrolment, the personal link, check-ins recorded by staff, alerts. */
@Controller
class CheckInPageController {

    private final Residents residents;
    private final CheckIns checkIns;
    private final CurrentUser currentUser;

    CheckInPageController(Residents residents, CheckIns checkIns, CurrentUser currentUser) {
        this.residents = residents;
        this.checkIns = checkIns;
        this.currentUser = currentUser;
    }

    @GetMapping("/residents/{id:\\d+}/check-in")
    String checkIn(@PathVariable long id, Model model) {
        model.addAttribute("resident", residents.get(id));
        model.addAttribute("overview", checkIns.overview(id));
        model.addAttribute("canWrite", currentUser.principal().map(p -> p.in(RoleGroup.RESIDENT_WRITERS)).orElse(false));
        return "residents/checkins/check-in";
    }

    @PostMapping("/residents/{id:\\d+}/check-in/enrolment")
    String enrol(@PathVariable long id, @RequestParam(required = false) LocalTime deadline,
            RedirectAttributes redirect) {
        String token = checkIns.enrol(id, deadline);
        redirect.addFlashAttribute("notice", "residents.checkIn.done.enrol");
        redirect.addFlashAttribute("link", "/check-in/" + token);
        return "redirect:/residents/" + id + "/check-in";
    }

    @PostMapping("/residents/{id:\\d+}/check-in/stop")
    String stop(@PathVariable long id, RedirectAttributes redirect) {
        checkIns.stop(id);
        redirect.addFlashAttribute("notice", "residents.checkIn.done.stop");
        return "redirect:/residents/" + id + "/check-in";
    }

    @PostMapping("/residents/{id:\\d+}/check-in")
    String record(@PathVariable long id, @RequestParam(required = false) CheckInStatus status,
            RedirectAttributes redirect) {
        checkIns.recordByStaff(id, status);
        redirect.addFlashAttribute("notice", "residents.checkIn.done.record");
        return "redirect:/residents/" + id + "/check-in";
    }
}
