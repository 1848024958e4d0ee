package org.wushe.access.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.wushe.access.DataScope;
import org.wushe.access.Role;
import org.wushe.shared.RegionCode;

/**
 * A staff account: the aggregate that guards passwords, the second factor and permissions. Failed sign-ins and
 * lockout are counted and read by {@link SignInThrottle} in SQL (per account and client address, and
 * account-wide); the aggregate does not map those columns, so saving it never writes them back.
 */
@Table("access_account")
public class Account {

    @Id
    private Long id;

    private String username;
    private String displayName;
    private byte[] phoneCipher;
    private byte[] phoneIndex;
    private Long organisationId;
    private boolean wholeCountry;
    private String passwordHash;
    private boolean passwordTemporary;
    private Instant passwordChangedAt;
    private byte[] totpSecret;
    private long totpLastStep;
    private boolean enabled;
    private Instant createdAt;
    private String createdBy;

    @Version
    private int version;

    @MappedCollection(idColumn = "account_id")
    private Set<AccountRole> roles;

    @MappedCollection(idColumn = "account_id")
    private Set<AccountScope> scopes;

    protected Account() {}

    static Account create(
            String username,
            String displayName,
            Set<Role> roles,
            DataScope scope,
            String temporaryPasswordHash,
            String createdBy,
            Instant now) {
        var account = new Account();
        account.username = username;
        account.displayName = displayName;
        account.passwordHash = temporaryPasswordHash;
        account.passwordTemporary = true;
        account.enabled = true;
        account.createdAt = now;
        account.createdBy = createdBy;
        account.assign(roles, scope);
        return account;
    }

    void assign(Set<Role> newRoles, DataScope scope) {
        this.roles = newRoles.stream().map(r -> new AccountRole(r.name())).collect(Collectors.toSet());
        this.wholeCountry = scope.wholeCountry();
        this.scopes =
                scope.regions().stream().map(r -> new AccountScope(r.value())).collect(Collectors.toSet());
        this.organisationId = scope.organisationId().orElse(null);
    }

    public void disable() {
        enabled = false;
    }

    public void enable() {
        enabled = true;
    }

    public void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        passwordTemporary = false;
        passwordChangedAt = now;
    }

    /**
     * An administrator's reset: a temporary password that must be changed at the next sign-in, and — because
     * a reset is also what someone who lost their phone asks for — the authenticator is enrolled anew. (The
     * caller also clears the lockout, {@link SignInThrottle#clear}.)
     */
    public void resetPassword(String temporaryHash, Instant now) {
        passwordHash = temporaryHash;
        passwordTemporary = true;
        passwordChangedAt = now;
        totpSecret = null;
        totpLastStep = 0;
    }

    void setPhone(byte[] cipher, byte[] index) {
        this.phoneCipher = cipher;
        this.phoneIndex = index;
    }

    void enrolTotp(byte[] encryptedSecret, long usedStep) {
        this.totpSecret = encryptedSecret;
        this.totpLastStep = usedStep;
    }

    /** Records the time step of an accepted code, so the same code cannot be used again. */
    void secondFactorUsed(long step) {
        if (step <= totpLastStep) {
            throw new IllegalStateException("a TOTP step is used once");
        }
        totpLastStep = step;
    }

    long totpLastStep() {
        return totpLastStep;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean passwordTemporary() {
        return passwordTemporary;
    }

    String passwordHash() {
        return passwordHash;
    }

    public byte[] phoneCipher() {
        return phoneCipher;
    }

    byte[] totpSecret() {
        return totpSecret;
    }

    public Set<Role> roles() {
        return roles.stream().map(r -> Role.valueOf(r.role())).collect(Collectors.toSet());
    }

    /** The region an account's audit rows are filed under (so auditors of that region see them). */
    public RegionCode homeRegion() {
        return wholeCountry
                ? null
                : scopes.stream()
                        .map(s -> RegionCode.parse(s.regionCode()))
                        .sorted()
                        .findFirst()
                        .orElse(null);
    }

    public DataScope scope() {
        Collection<RegionCode> regions =
                scopes.stream().map(s -> RegionCode.parse(s.regionCode())).toList();
        DataScope scope = wholeCountry ? DataScope.country() : DataScope.of(regions);
        return organisationId == null ? scope : scope.withOrganisation(organisationId);
    }

    @Table("access_account_role")
    record AccountRole(String role) {}

    @Table("access_account_scope")
    record AccountScope(String regionCode) {}
}
