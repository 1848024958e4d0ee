package org.wushe.access.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.AccountSummary;
import org.wushe.access.Accounts;
import org.wushe.access.CurrentUser;
import org.wushe.access.IssuedPassword;
import org.wushe.access.KnownRegions;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.privacy.RevealFragment;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** Account administration pages: list with search and paging, create, and the actions on one account. */
@Controller
@RequestMapping("/accounts")
class AccountPageController {

    private final Accounts accounts;
    private final MessageSource messages;
    private final CurrentUser currentUser;
    private final KnownRegions regions;

    AccountPageController(Accounts accounts, MessageSource messages, CurrentUser currentUser, KnownRegions regions) {
        this.accounts = accounts;
        this.messages = messages;
        this.currentUser = currentUser;
        this.regions = regions;
    }

    /** The names of the regions the shown accounts are scoped to, for the scope column (one query). */
    private Map<RegionCode, String> regionNames(List<AccountSummary> shown) {
        return regions.names(shown.stream()
                .flatMap(a -> a.scope().regions().stream())
                .distinct()
                .toList());
    }

    /** The roles the form offers: only those the signed-in administrator may hand out, in the enum's order. */
    private List<Role> grantableRoles() {
        Set<Role> grantable = currentUser.require().grantableRoles();
        return Arrays.stream(Role.values()).filter(grantable::contains).toList();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size,
            Model model) {
        model.addAttribute("q", q == null ? "" : q);
        Accounts.Page result = accounts.list(q, page, AccountForms.pageSize(size));
        model.addAttribute("result", result);
        model.addAttribute("regionNames", regionNames(result.rows()));
        model.addAttribute("pageSizes", AccountForms.PAGE_SIZES);
        model.addAttribute("allRoles", grantableRoles());
        return "access/accounts";
    }

    @PostMapping
    String create(
            @RequestParam String username,
            @RequestParam String displayName,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(defaultValue = "false") boolean wholeCountry,
            @RequestParam(required = false) String regions,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            IssuedPassword issued = accounts.create(new NewAccount(
                    username,
                    displayName,
                    phone,
                    AccountForms.roles(roles),
                    AccountForms.scope(
                            wholeCountry, regions == null ? List.of() : List.of(regions.split("[,，\\s]+")), null)));
            redirect.addFlashAttribute("issued", issued);
            return "redirect:/accounts/" + issued.accountId();
        } catch (InvalidValueException e) {
            model.addAttribute("errors", Map.of("form", messages.getMessage(e.messageKey(), e.arguments(), locale)));
            model.addAttribute("form", new Object[] {username, displayName, phone, regions});
            return list(null, 1, 20, model);
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        AccountSummary account = accounts.get(id);
        model.addAttribute("account", account);
        model.addAttribute("regionNames", regionNames(List.of(account)));
        model.addAttribute("allRoles", grantableRoles());
        return "access/account";
    }

    @PostMapping("/{id}/permissions")
    String assign(
            @PathVariable long id,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(defaultValue = "false") boolean wholeCountry,
            @RequestParam(required = false) String regions,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            // the form has no organisation field: the account keeps its own (Accounts.assign)
            accounts.assign(
                    id,
                    AccountForms.roles(roles),
                    AccountForms.scope(
                            wholeCountry, regions == null ? List.of() : List.of(regions.split("[,，\\s]+")), null));
        } catch (InvalidValueException e) {
            model.addAttribute("errors", Map.of("form", messages.getMessage(e.messageKey(), e.arguments(), locale)));
            return detail(id, model);
        }
        redirect.addFlashAttribute("notice", "access.account.done.permissions");
        return "redirect:/accounts/" + id;
    }

    @PostMapping("/{id}/phone")
    String revealPhone(@PathVariable long id, @RequestParam String reason, Model model) {
        return RevealFragment.revealed(model, accounts.revealPhone(id, reason));
    }

    @PostMapping("/{id}/{action}")
    String act(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
        switch (action) {
            case "disable" -> accounts.disable(id);
            case "enable" -> accounts.enable(id);
            case "unlock" -> accounts.unlock(id);
            case "password-reset" -> redirect.addFlashAttribute("issued", accounts.resetPassword(id));
            default -> throw new InvalidValueException("error.parameter.invalid", "action");
        }
        redirect.addFlashAttribute("notice", "access.account.done." + action);
        return "redirect:/accounts/" + id;
    }
}
