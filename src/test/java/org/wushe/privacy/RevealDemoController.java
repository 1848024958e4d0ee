package org.wushe.privacy;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wushe.shared.RegionCode;

/** Test only: how a module wires a sensitive field and its reveal endpoint (see RevealFlowTests). */
@Controller
@RequestMapping("/privacy-demo")
class RevealDemoController {

    static final String PHONE = "13812345678";
    static final SensitiveField FIELD = new SensitiveField("demo_person", "42", RegionCode.parse("310104"), "phone");

    private final SensitiveData sensitiveData;

    RevealDemoController(SensitiveData sensitiveData) {
        this.sensitiveData = sensitiveData;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("masked", Masking.phone(PHONE));
        return "privacy-demo";
    }

    @PostMapping("/phone")
    String reveal(@RequestParam String reason, Model model) {
        return RevealFragment.revealed(model, sensitiveData.reveal(FIELD, reason, () -> PHONE));
    }
}
