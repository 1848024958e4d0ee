package org.wushe.directory.organisations;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.wushe.directory.OrgType;
import org.wushe.directory.OrganisationStatus;
import org.wushe.shared.CreditCode;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * An organisation of the directory: the aggregate that guards its status (active ⇄ suspended) and its
 * verification by civil affairs. Who may do which is the façade's check; what is allowed when is checked here.
 */
@Table("directory_organisation")
class Organisation {

    @Id
    private Long id;

    private OrgType type;
    private String name;
    private String creditCode;
    private String regionCode;
    private String address;
    private String contactPerson;
    private byte[] contactPhoneCipher;
    private byte[] contactPhoneIndex;
    private String publicPhone;
    private Long parentId;
    private OrganisationStatus status;
    private Instant verifiedAt;
    private String verifiedBy;
    private Instant createdAt;
    private String createdBy;

    @Version
    private int version;

    @MappedCollection(idColumn = "organisation_id")
    private Set<ServedRegion> servedRegions;

    protected Organisation() {}

    static Organisation create(String createdBy, Instant now) {
        var organisation = new Organisation();
        organisation.status = OrganisationStatus.ACTIVE;
        organisation.createdBy = createdBy;
        organisation.createdAt = now;
        organisation.servedRegions = Set.of();
        return organisation;
    }

    /**
     * Replaces the descriptive fields. A change of type, name or credit code withdraws a verification, which
     * vouched for the old ones.
     */
    void describe(
            OrgType newType,
            String newName,
            CreditCode newCreditCode,
            RegionCode newRegion,
            String newAddress,
            String newContactPerson,
            String newPublicPhone,
            Long newParentId,
            List<RegionCode> served) {
        String code = newCreditCode == null ? null : newCreditCode.value();
        if (id != null && (newType != type || !newName.equals(name) || !Objects.equals(code, creditCode))) {
            verifiedAt = null;
            verifiedBy = null;
        }
        type = newType;
        name = newName;
        creditCode = code;
        regionCode = newRegion.value();
        address = newAddress;
        contactPerson = newContactPerson;
        publicPhone = newPublicPhone;
        parentId = newParentId;
        servedRegions = served.stream().map(r -> new ServedRegion(r.value())).collect(Collectors.toSet());
    }

    void setContactPhone(byte[] cipher, byte[] index) {
        contactPhoneCipher = cipher;
        contactPhoneIndex = index;
    }

    public void suspend() {
        if (status == OrganisationStatus.SUSPENDED) {
            throw new InvalidValueException("directory.organisation.alreadySuspended");
        }
        status = OrganisationStatus.SUSPENDED;
    }

    public void activate() {
        if (status == OrganisationStatus.ACTIVE) {
            throw new InvalidValueException("directory.organisation.alreadyActive");
        }
        status = OrganisationStatus.ACTIVE;
    }

    /** Civil affairs vouches for the organisation; a suspended one cannot be verified, nor one twice. */
    public void verify(String by, Instant now) {
        if (status == OrganisationStatus.SUSPENDED) {
            throw new InvalidValueException("directory.organisation.verifySuspended");
        }
        if (verifiedAt != null) {
            throw new InvalidValueException("directory.organisation.alreadyVerified");
        }
        verifiedAt = now;
        verifiedBy = by;
    }

    public Long id() {
        return id;
    }

    public OrgType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String creditCode() {
        return creditCode;
    }

    public RegionCode regionCode() {
        return RegionCode.parse(regionCode);
    }

    public String address() {
        return address;
    }

    public String contactPerson() {
        return contactPerson;
    }

    /** The number published for residents (not personal, shown in clear), or null. */
    public String publicPhone() {
        return publicPhone;
    }

    byte[] contactPhoneCipher() {
        return contactPhoneCipher;
    }

    public Long parentId() {
        return parentId;
    }

    public OrganisationStatus status() {
        return status;
    }

    public Instant verifiedAt() {
        return verifiedAt;
    }

    public String verifiedBy() {
        return verifiedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public List<String> servedRegions() {
        return servedRegions.stream().map(ServedRegion::regionCode).sorted().toList();
    }

    @Table("directory_organisation_region")
    record ServedRegion(String regionCode) {}
}
