package org.wushe.residents.checkins;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wushe.residents.register.DisplayNames;
import org.wushe.residents.register.Residents;

/** The list of today's missed check-ins ({@code /residents/check-ins/missed}), linked from the home page. */
@Controller
class MissedCheckInPage {

    private final MissedCheckIns missed;
    private final DisplayNames names;

    MissedCheckInPage(MissedCheckIns missed, DisplayNames names) {
        this.missed = missed;
        this.names = names;
    }

    @GetMapping("/residents/check-ins/missed")
    String missed(
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, Model model) {
        MissedCheckIns.Page result = missed.today(page, size);
        model.addAttribute("result", result);
        model.addAttribute(
                "regionNames",
                names.regions(result.rows().stream()
                        .map(MissedCheckIns.Row::communityCode)
                        .toList()));
        model.addAttribute("sizes", Residents.PAGE_SIZES);
        return "residents/checkins/missed";
    }
}
