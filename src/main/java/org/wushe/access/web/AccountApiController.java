package org.wushe.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.access.AccountSummary;
import org.wushe.access.Accounts;
import org.wushe.access.IssuedPassword;
import org.wushe.access.NewAccount;

@Tag(name = "Accounts", description = "Staff accounts, roles and data scopes")
@RestController
@RequestMapping("/api/v1/accounts")
class AccountApiController {

    private final Accounts accounts;

    AccountApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Operation(
            summary = "Accounts in the caller's scope; page counted from 1 (page < 1 is a 400), size 10, 20, 50 "
                    + "or 100")
    @GetMapping
    Accounts.Page list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
        return accounts.list(q, page, AccountForms.pageSize(size));
    }

    @GetMapping("/{id}")
    AccountSummary get(@PathVariable long id) {
        return accounts.get(id);
    }

    @Operation(summary = "Create an account; the answer carries its one-time password")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedPassword create(@RequestBody AccountRequest request) {
        return accounts.create(new NewAccount(
                request.username(),
                request.displayName(),
                request.phone(),
                AccountForms.roles(request.roles()),
                AccountForms.scope(request.country(), request.regions(), request.organisationId())));
    }

    @PutMapping("/{id}/permissions")
    AccountSummary assign(@PathVariable long id, @RequestBody AccountRequest request) {
        accounts.assign(
                id,
                AccountForms.roles(request.roles()),
                AccountForms.scope(request.country(), request.regions(), request.organisationId()));
        return accounts.get(id);
    }

    @Operation(summary = "The account's phone in clear; requires a reason and is audited (REVEAL)")
    @PostMapping("/{id}/phone/reveal")
    Map<String, String> revealPhone(@PathVariable long id, @RequestBody Map<String, String> body) {
        return Map.of("phone", accounts.revealPhone(id, body.get("reason")));
    }

    @PostMapping("/{id}/disable")
    AccountSummary disable(@PathVariable long id) {
        accounts.disable(id);
        return accounts.get(id);
    }

    @PostMapping("/{id}/enable")
    AccountSummary enable(@PathVariable long id) {
        accounts.enable(id);
        return accounts.get(id);
    }

    @PostMapping("/{id}/unlock")
    AccountSummary unlock(@PathVariable long id) {
        accounts.unlock(id);
        return accounts.get(id);
    }

    @PostMapping("/{id}/password-reset")
    IssuedPassword resetPassword(@PathVariable long id) {
        return accounts.resetPassword(id);
    }

    record AccountRequest(
            String username,
            String displayName,
            String phone,
            List<String> roles,
            Boolean wholeCountry,
            List<String> regions,
            Long organisationId) {

        boolean country() {
            return Boolean.TRUE.equals(wholeCountry);
        }
    }
}
