package org.wushe.region.web;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.platform.ChinaTime;
import org.wushe.region.ControlLevel;
import org.wushe.region.ControlLevelStatus;
import org.wushe.region.Region;
import org.wushe.region.RegionNotFoundException;
import org.wushe.region.Regions;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * The region browser: a lazily expanded tree, a name search and a detail panel. Each handler answers a
 * full page, or only the fragment htmx asked for (HX-Target), so the page also works without JavaScript.
 */
@Controller
@RequestMapping("/regions")
class RegionPageController {

    private final Regions regions;
    private final MessageSource messages;

    RegionPageController(Regions regions, MessageSource messages) {
        this.regions = regions;
        this.messages = messages;
    }

    /**
     * The browser: a search, the tree and one region. A {@code code} that is no region's code (a name typed where
     * the code was expected, without script) is said under the jump field, and searched for as a name.
     */
    @GetMapping
    String browse(
            @RequestParam Optional<String> q,
            @RequestParam Optional<String> code,
            @RequestHeader(name = "HX-Target", required = false) String target,
            Model model,
            Locale locale) {
        Optional<String> search = q.filter(s -> !s.isBlank());
        Optional<RegionCode> chosen = Optional.empty();
        String typed = code.map(String::strip).orElse("");
        if (!typed.isEmpty()) {
            try {
                chosen = Optional.of(RegionCode.parse(typed));
                regions.lineage(chosen.get());
            } catch (InvalidValueException | RegionNotFoundException e) {
                chosen = Optional.empty();
                model.addAttribute(
                        "errors",
                        Map.of("code", messages.getMessage("region.jump.invalid", new Object[] {typed}, locale)));
                model.addAttribute("typedCode", typed);
                search = search.or(() -> Optional.of(typed));
            }
        }
        model.addAttribute("q", search.orElse(""));
        search.ifPresent(s -> model.addAttribute("matches", regions.search(s, Optional.empty(), 50)));
        if ("search-results".equals(target)) {
            return "region/browser :: searchResults";
        }
        chosen.ifPresent(c -> addDetail(c, model));
        model.addAttribute("levels", ControlLevel.values());
        if ("region-detail".equals(target)) {
            return "region/browser :: detail";
        }
        model.addAttribute("provinces", regions.provinces());
        return "region/browser";
    }

    /** The children of a tree node (htmx), or the region's page when JavaScript is off. */
    @GetMapping("/{code}/children")
    String children(
            @PathVariable RegionCode code,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        if (htmx == null) {
            return "redirect:/regions?code=" + code.value();
        }
        model.addAttribute("nodes", regions.children(code));
        return "region/browser :: nodes";
    }

    @PostMapping("/{code}/control-levels")
    String setControlLevel(
            @PathVariable RegionCode code,
            @RequestParam String level,
            @RequestParam Optional<LocalDateTime> effectiveFrom,
            @RequestParam String reason,
            RedirectAttributes redirect) {
        regions.setControlLevel(
                code,
                RegionApiController.parseLevel(level),
                effectiveFrom.map(t -> t.atZone(ChinaTime.ZONE).toInstant()).orElse(null),
                reason);
        redirect.addFlashAttribute("notice", "region.controlLevel.saved");
        return "redirect:/regions?code=" + code.value();
    }

    @PostMapping("/communities")
    String importCommunities(@RequestParam("file") MultipartFile file, Model model, Locale locale) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidValueException("region.import.empty");
        }
        try (var in = file.getInputStream()) {
            model.addAttribute("report", RegionApiController.toView(regions.importCommunities(in), messages, locale));
        }
        return "region/import-report";
    }

    private void addDetail(RegionCode code, Model model) {
        List<Region> lineage = regions.lineage(code);
        model.addAttribute("region", lineage.get(lineage.size() - 1));
        model.addAttribute("lineage", lineage);
        model.addAttribute("children", regions.children(code));
        ControlLevelStatus control = regions.controlLevel(code);
        model.addAttribute("control", control);
        model.addAttribute(
                "inheritedFromName",
                control.inheritedFrom()
                        .flatMap(from -> lineage.stream()
                                .filter(r -> r.code().equals(from))
                                .map(Region::name)
                                .findFirst())
                        .orElse(null));
    }
}
