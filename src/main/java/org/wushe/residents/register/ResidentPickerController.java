package org.wushe.residents.register;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The options of the register's pickers ({@link ResidentPickers}), answered as fragments/picker :: options. */
@Controller
@RequestMapping("/residents")
class ResidentPickerController {

    private static final String OPTIONS = "fragments/picker :: options";

    private final ResidentPickers pickers;

    ResidentPickerController(ResidentPickers pickers) {
        this.pickers = pickers;
    }

    /** The form's community travels along (hx-include), so the options are the staff covering it. */
    @GetMapping("/pickers/grid-workers")
    String gridWorkers(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String communityCode,
            Model model) {
        model.addAttribute("q", q.strip());
        model.addAttribute("options", pickers.gridWorkers(q, communityCode));
        return OPTIONS;
    }

    @GetMapping("/{id:\\d+}/pickers/households")
    String households(@PathVariable long id, @RequestParam(defaultValue = "") String q, Model model, Locale locale) {
        model.addAttribute("q", q.strip());
        model.addAttribute("options", pickers.households(id, q, locale));
        return OPTIONS;
    }

    @GetMapping("/{id:\\d+}/pickers/duplicates")
    String duplicates(@PathVariable long id, @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q.strip());
        model.addAttribute("options", pickers.duplicates(id, q));
        return OPTIONS;
    }
}
