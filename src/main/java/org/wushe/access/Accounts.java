package org.wushe.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.internal.Account;
import org.wushe.access.internal.AccountFactory;
import org.wushe.access.internal.AccountPhones;
import org.wushe.access.internal.AccountQueries;
import org.wushe.access.internal.AccountRepository;
import org.wushe.access.internal.AccountSessions;
import org.wushe.access.internal.SignInThrottle;
import org.wushe.privacy.SensitiveData;
import org.wushe.privacy.SensitiveField;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;

/**
 * Staff accounts: administrators create, disable, unlock and reset them and assign roles and scopes — never
 * wider than their own — and everyone changes their own password. Every account lookup is scoped in SQL. A
 * change to what an account may do (disable, reset, unlock, permissions) ends its sessions once committed.
 */
@Service
public class Accounts {

    private final AccountRepository repository;
    private final AccountQueries queries;
    private final AccountFactory factory;
    private final PasswordEncoder passwords;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final AccountPhones phones;
    private final SensitiveData sensitiveData;
    private final AccountSessions sessions;
    private final SignInThrottle throttle;
    private final Clock clock;

    Accounts(
            AccountRepository repository,
            AccountQueries queries,
            AccountFactory factory,
            PasswordEncoder passwords,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            AccountPhones phones,
            SensitiveData sensitiveData,
            AccountSessions sessions,
            SignInThrottle throttle,
            Clock clock) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.phones = phones;
        this.sensitiveData = sensitiveData;
        this.repository = repository;
        this.queries = queries;
        this.factory = factory;
        this.passwords = passwords;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The enabled accounts holding a role whose scope covers a region — whom a module notifies about something
     * that happened there (a missed check-in, an overdue request). Not scoped by the caller: jobs call it too.
     */
    @Transactional(readOnly = true)
    public List<Long> holdersCovering(Role role, RegionCode region) {
        return queries.holdersCovering(role, region.value());
    }

    /**
     * The display names of accounts by username (a username that names no account is left out): what a page shows
     * instead of the username recorded in a timeline. Names only, no other account data.
     */
    @Transactional(readOnly = true)
    public Map<String, String> displayNames(Collection<String> usernames) {
        return queries.displayNames(usernames);
    }

    /**
     * The display names of staff accounts by id (an id that names no account is left out): the grid worker, case
     * worker or task assignee a page shows beside a record the caller can already see, in one query.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, String> displayNamesById(Collection<Long> ids) {
        return queries.displayNamesById(ids);
    }

    @PreAuthorize(RoleGroup.Guard.ACCOUNT_MANAGERS)
    @Transactional
    public IssuedPassword create(NewAccount request) {
        StaffPrincipal me = currentUser.require();
        // an agency's administrator creates accounts of their own agency, whether or not the form names it
        DataScope scope = request.scope().organisationId().isPresent()
                ? request.scope()
                : request.scope().withOrganisationOf(me.scope());
        checkGrantable(me, request.roles(), scope);
        String username =
                request.username() == null ? "" : request.username().strip().toLowerCase(Locale.ROOT);
        if (queries.idOf(username).isPresent()) {
            throw new InvalidValueException("access.account.usernameTaken", username);
        }
        String temporary = factory.temporaryPassword();
        Account account = repository.save(factory.newAccount(
                username, request.displayName(), request.phone(), request.roles(), scope, temporary, me.username()));
        audit(AuditAction.CREATE, account, List.of("username", "displayName", "phone", "roles", "scope"), null);
        return new IssuedPassword(account.id(), username, temporary);
    }

    /**
     * The account of a volunteer whose registration a station, community or civil affairs approved: role VOLUNTEER,
     * scoped to the volunteer's region (which must lie in the approver's scope), with a one-time password.
     */
    @PreAuthorize(RoleGroup.Guard.VOLUNTEER_REVIEWERS)
    @Transactional
    public IssuedPassword createVolunteerAccount(
            String username, String displayName, PhoneNumber phone, RegionCode region) {
        StaffPrincipal me = currentUser.require();
        if (!me.scope().contains(region)) {
            throw new AccessDeniedException("access.account.grantTooWide");
        }
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (queries.idOf(name).isPresent()) {
            throw new InvalidValueException("access.account.usernameTaken", name);
        }
        String temporary = factory.temporaryPassword();
        Account account = repository.save(factory.newAccount(
                name,
                displayName,
                phone == null ? null : phone.value(),
                EnumSet.of(Role.VOLUNTEER),
                DataScope.of(List.of(region)),
                temporary,
                me.username()));
        audit(AuditAction.CREATE, account, List.of("username", "displayName", "phone", "roles", "scope"), "volunteer");
        return new IssuedPassword(account.id(), name, temporary);
    }

    /**
     * Opens the account of a volunteer who activates it themselves, with no staff caller: role VOLUNTEER only,
     * scoped to the one region given, with the password the person chose (the account password policy applies;
     * it is not temporary). <strong>The caller must have proved the person's identity</strong> — in the directory's
     * activation, the ID number and the phone on record of an APPROVED volunteer without an account, and an SMS
     * code sent to that phone — because this method checks neither who calls nor who the person is. Audited as a
     * CREATE by {@code actor}. Throws {@link InvalidValueException} for a taken username or a weak password.
     */
    @Transactional
    public long createActivatedVolunteerAccount(
            String username, String displayName, PhoneNumber phone, RegionCode region, String password, String actor) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (queries.idOf(name).isPresent()) {
            throw new InvalidValueException("access.account.usernameTaken", name);
        }
        Account account = repository.save(factory.newVolunteerWithChosenPassword(
                name, displayName, phone == null ? null : phone.value(), region, password, actor));
        events.publishEvent(new Activity(
                clock.instant(),
                actor,
                AuditAction.CREATE,
                "account",
                account.id().toString(),
                account.homeRegion(),
                currentUser.clientAddress().orElse(null),
                "volunteer self-activation",
                List.of("username", "displayName", "phone", "roles", "scope", "password")));
        return account.id();
    }

    /**
     * One page of the accounts the caller may see, pages counted from 1 like every other list. The offset is
     * computed in long (page 2147483647 × 100 does not overflow) and a page past the end is answered empty
     * without asking the database for it.
     */
    @PreAuthorize(RoleGroup.Guard.ACCOUNT_MANAGERS)
    public Page list(String search, int page, int size) {
        if (page < 1) {
            throw new InvalidValueException("access.account.pageInvalid");
        }
        DataScope scope = currentUser.scope();
        long total = queries.countVisible(scope, search);
        long offset = (page - 1L) * size;
        if (offset >= total) {
            return new Page(List.of(), total, page, size);
        }
        // the page's accounts and their locks in a few queries, not a few per row; in the query's order
        List<Long> ids = queries.visibleIds(scope, search, offset, size);
        Map<Long, Account> byId = new HashMap<>();
        repository.findAllById(ids).forEach(a -> byId.put(a.id(), a));
        Map<Long, Instant> locks = throttle.lockedUntilAnywhere(ids, clock.instant());
        List<AccountSummary> rows =
                ids.stream().map(id -> summary(byId.get(id), locks.get(id))).toList();
        return new Page(rows, total, page, size);
    }

    @PreAuthorize(RoleGroup.Guard.ACCOUNT_MANAGERS)
    public AccountSummary get(long id) {
        Account account = load(id);
        return summary(
                account, throttle.lockedUntilAnywhere(id, clock.instant()).orElse(null));
    }

    @PreAuthorize(RoleGroup.Guard.ACCOUNT_MANAGERS)
    @Transactional
    public void disable(long id) {
        Account account = loadManageable(id);
        if (account.id().equals(currentUser.require().accountId())) {
            throw new InvalidValueException("access.account.disableSelf");
        }
        account.disable();
        repository.save(account);
        sessions.endAll(account.username());
        audit(AuditAction.UPDATE, account, List.of("enabled"), null);
    }

    @PreAuthorize(RoleGroup.Guard.ACCOUNT_MANAGERS)
    @Transactional
    public void enable(long id) {
        Account account = loadManageable(id);
        account.enable();
        repository.save(account);
        audit(AuditAction.UPDATE, account, List.of("enabled"), null);
    }

    @PreAuthorize(RoleGroup.Guard.ACCOUNT_MANAGERS)
    @Transactional
    public void unlock(long id) {
        Account account = loadManageable(id);
        throttle.clear(account.id()); // every address's lock and the account-wide one
        sessions.endAll(account.username()); // unlocked after a compromise: whoever got in is out
        audit(AuditAction.UNLOCKED, account, List.of("lockedUntil"), null);
    }

    @PreAuthorize(RoleGroup.Guard.ACCOUNT_MANAGERS)
    @Transactional
    public IssuedPassword resetPassword(long id) {
        Account account = loadManageable(id);
        String temporary = factory.temporaryPassword();
        account.resetPassword(passwords.encode(temporary), clock.instant());
        repository.save(account);
        throttle.clear(account.id());
        sessions.endAll(account.username());
        audit(AuditAction.PASSWORD_CHANGE, account, List.of("password", "totpSecret"), "reset");
        return new IssuedPassword(id, account.username(), temporary);
    }

    /**
     * Checked twice: the caller could have granted the current roles and scope (an account they may not manage is
     * refused before its new permissions are looked at), and could grant the new ones. A scope naming no
     * organisation keeps the account's own: neither form nor API client drops it by leaving it out (that would
     * widen an agency worker's scope to every organisation of its regions).
     */
    @PreAuthorize(RoleGroup.Guard.ACCOUNT_MANAGERS)
    @Transactional
    public void assign(long id, Set<Role> roles, DataScope requested) {
        Account account = loadManageable(id);
        DataScope scope =
                requested.organisationId().isPresent() ? requested : requested.withOrganisationOf(account.scope());
        checkGrantable(currentUser.require(), roles, scope);
        factory.assign(account, roles, scope);
        repository.save(account);
        sessions.endAll(account.username()); // a session keeps the roles and scope it signed in with
        audit(AuditAction.PERMISSION_CHANGE, account, List.of("roles", "scope"), null);
    }

    /** Shows an account's phone in clear: needs a reason, and the audit trail records who saw it and why. */
    @PreAuthorize(RoleGroup.Guard.ACCOUNT_MANAGERS)
    public String revealPhone(long id, String reason) {
        Account account = loadManageable(id);
        return sensitiveData.reveal(
                new SensitiveField("account", Long.toString(id), account.homeRegion(), "phone"),
                reason,
                () -> phones.clear(account));
    }

    /** The signed-in user replaces their own password (required after a temporary one). */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnPassword(String current, String replacement) {
        StaffPrincipal me = currentUser.require();
        Account account =
                repository.findById(me.accountId()).orElseThrow(() -> new AccountNotFoundException(me.accountId()));
        if (!passwords.matches(current == null ? "" : current, factory.passwordHashOf(account))) {
            throw new InvalidValueException("access.password.currentWrong");
        }
        factory.checkPolicy(replacement, account.username());
        if (passwords.matches(replacement, factory.passwordHashOf(account))) {
            throw new InvalidValueException("access.password.same");
        }
        account.changePassword(passwords.encode(replacement), clock.instant());
        repository.save(account);
        // whoever else is signed in with the old password is signed out; this session continues
        sessions.endAllExcept(
                account.username(), AccountSessions.currentSessionId().orElse(null));
        audit(AuditAction.PASSWORD_CHANGE, account, List.of("password"), null);
        SecurityContextHolder.getContext().setAuthentication(factory.sessionOf(account));
    }

    private Account load(long id) {
        if (!queries.isVisible(currentUser.scope(), id)) {
            throw new AccountNotFoundException(id);
        }
        return repository.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
    }

    /**
     * An account the caller may act on: visible (else 404, as if it did not exist) and holding nothing the caller
     * could not have granted ({@link StaffPrincipal#mayGrant}; else 403) — a charity administrator who can see the
     * city's civil-affairs administrator must still not disable or reset it.
     */
    private Account loadManageable(long id) {
        Account account = load(id);
        if (!currentUser.require().mayGrant(account.roles(), account.scope())) {
            throw new AccessDeniedException("access.account.notManageable");
        }
        return account;
    }

    /** Nobody grants a role they lack (a civil-affairs admin may grant any) or a scope wider than theirs. */
    private static void checkGrantable(StaffPrincipal me, Set<Role> roles, DataScope scope) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidValueException("access.account.rolesRequired");
        }
        if (!scope.wholeCountry() && scope.regions().isEmpty()) {
            throw new InvalidValueException("access.account.scopeRequired");
        }
        if (!me.mayGrant(roles, scope)) {
            throw new AccessDeniedException("access.account.grantTooWide");
        }
    }

    private AccountSummary summary(Account a, Instant lockedUntil) {
        return new AccountSummary(
                a.id(),
                a.username(),
                a.displayName(),
                factory.maskedPhone(a),
                a.roles(),
                a.scope(),
                a.enabled(),
                lockedUntil,
                a.passwordTemporary());
    }

    private void audit(AuditAction action, Account account, List<String> fields, String reason) {
        events.publishEvent(new Activity(
                clock.instant(),
                currentUser.username(),
                action,
                "account",
                account.id().toString(),
                account.homeRegion(),
                currentUser.clientAddress().orElse(null),
                reason,
                fields));
    }

    /** One page of accounts (page counted from 1) with the total the caller may see. */
    public record Page(List<AccountSummary> rows, long total, int page, int size) {}
}
