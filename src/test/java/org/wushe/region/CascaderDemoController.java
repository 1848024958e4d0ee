package org.wushe.region;

import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Test only: a tiny form using the region cascader the way a module would (see RegionCascaderTests and
 * RegionCascaderBrowserTests); the POST echoes the one field it received.
 */
@Controller
@RequestMapping("/cascader-demo")
class CascaderDemoController {

    @GetMapping
    String page(
            @RequestParam Optional<String> value,
            @RequestParam Optional<String> level,
            @RequestParam Optional<String> root,
            Model model) {
        model.addAttribute("form", new DemoForm(value.orElse(null)));
        model.addAttribute("level", level.orElse("VILLAGE"));
        model.addAttribute("root", root.orElse(null));
        return "region-cascader-demo";
    }

    @PostMapping
    String submitted(@RequestParam(name = "communityCode", required = false) String[] codes, Model model) {
        model.addAttribute("submitted", codes == null ? "none" : String.join("|", codes));
        model.addAttribute("form", new DemoForm(null));
        model.addAttribute("level", "VILLAGE");
        return "region-cascader-demo";
    }

    record DemoForm(String communityCode) {}
}
