package org.wushe.directory.volunteers;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.directory.RegionNames;
import org.wushe.directory.Skill;
import org.wushe.directory.VolunteerStatus;
import org.wushe.privacy.RevealFragment;

/** Staff review of volunteers (list, detail, approve, reject) and the volunteer's own page. */
@Controller
class VolunteerPageController {

    private final Volunteers volunteers;
    private final VolunteerExport export;
    private final RegionNames regionNames;

    VolunteerPageController(Volunteers volunteers, VolunteerExport export, RegionNames regionNames) {
        this.volunteers = volunteers;
        this.export = export;
        this.regionNames = regionNames;
    }

    /** The volunteers of the status shown (or all), as xlsx; audited. */
    @GetMapping("/volunteers/export")
    void export(@RequestParam(required = false) VolunteerStatus status, HttpServletResponse response, Locale locale)
            throws IOException {
        export.write(status, response, locale);
    }

    @GetMapping("/volunteers")
    String list(@RequestParam(required = false) VolunteerStatus status, Model model) {
        VolunteerStatus shown = status == null ? VolunteerStatus.PENDING : status;
        model.addAttribute("status", shown);
        model.addAttribute("statuses", VolunteerStatus.values());
        var rows = volunteers.list(shown);
        model.addAttribute("volunteers", rows);
        model.addAttribute(
                "regionNames",
                regionNames.of(rows.stream().map(VolunteerRow::regionCode).toList()));
        return "directory/volunteers/volunteers";
    }

    @GetMapping("/volunteers/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        VolunteerDetails volunteer = volunteers.get(id);
        model.addAttribute("volunteer", volunteer);
        List<String> codes = new ArrayList<>(volunteer.servedRegions());
        codes.add(volunteer.regionCode());
        model.addAttribute("regionNames", regionNames.of(codes));
        return "directory/volunteers/volunteer";
    }

    @PostMapping("/volunteers/{id:\\d+}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        volunteers.approve(id);
        redirect.addFlashAttribute("notice", "directory.volunteer.approved");
        return "redirect:/volunteers/" + id;
    }

    @PostMapping("/volunteers/{id:\\d+}/reject")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        volunteers.reject(id, reason);
        redirect.addFlashAttribute("notice", "directory.volunteer.rejected");
        return "redirect:/volunteers/" + id;
    }

    @PostMapping("/volunteers/{id:\\d+}/id-number")
    String revealIdNumber(@PathVariable long id, @RequestParam String reason, Model model) {
        return RevealFragment.revealed(model, volunteers.revealIdNumber(id, reason));
    }

    @PostMapping("/volunteers/{id:\\d+}/phone")
    String revealPhone(@PathVariable long id, @RequestParam String reason, Model model) {
        return RevealFragment.revealed(model, volunteers.revealPhone(id, reason));
    }

    @GetMapping("/volunteer/me")
    String mine(Model model) {
        model.addAttribute("volunteer", volunteers.mine());
        model.addAttribute("skills", Skill.values());
        return "directory/volunteers/volunteer-me";
    }

    @PostMapping("/volunteer/me")
    String updateMine(
            @RequestParam(required = false) List<String> skills,
            @RequestParam(defaultValue = "") String availability,
            @RequestParam(required = false) List<String> weeklySlots,
            RedirectAttributes redirect) {
        // The page always shows the whole grid, so no ticked cell means "none", not "unchanged".
        volunteers.updateMine(skills, availability, weeklySlots == null ? List.of() : weeklySlots);
        redirect.addFlashAttribute("notice", "volunteer.me.saved");
        return "redirect:/volunteer/me";
    }
}
