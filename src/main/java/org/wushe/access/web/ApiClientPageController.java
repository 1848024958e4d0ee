package org.wushe.access.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.AccountNames;
import org.wushe.access.ApiClientSummary;
import org.wushe.access.ApiClients;
import org.wushe.access.ApiPermission;
import org.wushe.access.KnownRegions;
import org.wushe.shared.InvalidValueException;

/**
 * /api-clients: list, create, rotate, revoke. A new token is rendered in the POST's own response rather than
 * passed through a redirect, so it never sits in the (database-stored) session as a flash attribute.
 */
@Controller
@RequestMapping("/api-clients")
class ApiClientPageController {

    private final ApiClients clients;
    private final MessageSource messages;

    private final KnownRegions regions;
    private final AccountNames accountNames;

    ApiClientPageController(
            ApiClients clients, MessageSource messages, KnownRegions regions, AccountNames accountNames) {
        this.regions = regions;
        this.accountNames = accountNames;
        this.clients = clients;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        List<ApiClientSummary> shown = clients.list();
        model.addAttribute("clients", shown);
        model.addAttribute(
                "regionNames",
                regions.names(shown.stream()
                        .flatMap(c -> c.scope().regions().stream())
                        .distinct()
                        .toList()));
        // who created each client, by name (the username stays on hover): one query for the list
        model.addAttribute(
                "creatorNames",
                accountNames.displayNamesByUsername(
                        shown.stream().map(ApiClientSummary::createdBy).toList()));
        model.addAttribute("allPermissions", ApiPermission.values());
        return "access/api-clients";
    }

    @PostMapping
    String create(
            @RequestParam String name,
            @RequestParam(defaultValue = "false") boolean wholeCountry,
            @RequestParam(required = false) String regions,
            @RequestParam(required = false) List<String> permissions,
            Model model,
            Locale locale) {
        try {
            model.addAttribute(
                    "issued",
                    clients.create(
                            name,
                            ApiClientForms.scope(wholeCountry, ApiClientForms.split(regions)),
                            ApiClientForms.permissions(permissions)));
        } catch (InvalidValueException e) {
            model.addAttribute("errorMessage", messages.getMessage(e.messageKey(), e.arguments(), locale));
            model.addAttribute(
                    "form", new Form(name, regions, wholeCountry, permissions == null ? List.of() : permissions));
        }
        return list(model);
    }

    @PostMapping("/{id}/rotate")
    String rotate(@PathVariable long id, Model model) {
        model.addAttribute("issued", clients.rotate(id));
        return list(model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        clients.revoke(id);
        redirect.addFlashAttribute("notice", "access.apiClient.done.revoke");
        return "redirect:/api-clients";
    }

    /** What the user typed, shown again next to the error. */
    record Form(String name, String regions, boolean wholeCountry, List<String> permissions) {}
}
