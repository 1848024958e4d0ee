package org.wushe.region.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wushe.region.RegionPicker;

/**
 * The staff region picker's options (fragments/picker.html): districts, streets and communities of the caller's
 * data scope by part of their name. The public volunteer page has its own, unscoped endpoint under its path.
 */
@Controller
class RegionPickerController {

    private final RegionPicker picker;

    RegionPickerController(RegionPicker picker) {
        this.picker = picker;
    }

    @GetMapping("/regions/picker")
    String picker(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q.strip());
        model.addAttribute("options", picker.pickInScope(q));
        return "fragments/picker :: options";
    }
}
