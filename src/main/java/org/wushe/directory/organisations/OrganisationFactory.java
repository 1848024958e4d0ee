package org.wushe.directory.organisations;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.wushe.directory.OrgType;
import org.wushe.privacy.CryptoService;
import org.wushe.privacy.Masking;
import org.wushe.shared.CreditCode;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;

/** Builds and changes organisations with already validated values; keeps the contact phone encrypted. */
@Component
class OrganisationFactory {

    static final String TABLE = "directory_organisation";
    static final String COLUMN = "contact_phone";

    private final CryptoService crypto;

    OrganisationFactory(CryptoService crypto) {
        this.crypto = crypto;
    }

    public Organisation newOrganisation(String createdBy, Instant now) {
        return Organisation.create(createdBy, now);
    }

    public void describe(
            Organisation organisation,
            OrgType type,
            String name,
            CreditCode creditCode,
            RegionCode region,
            String address,
            String contactPerson,
            PhoneNumber phone,
            boolean keepPhone,
            String publicPhone,
            Long parentId,
            List<RegionCode> served) {
        organisation.describe(type, name, creditCode, region, address, contactPerson, publicPhone, parentId, served);
        if (keepPhone) {
            return;
        }
        organisation.setContactPhone(
                phone == null ? null : crypto.encrypt(phone.value(), TABLE, COLUMN),
                phone == null ? null : crypto.blindIndex("phone", phone.value()));
    }

    public String maskedPhone(Organisation organisation) {
        return organisation.contactPhoneCipher() == null ? "" : Masking.phone(clearPhone(organisation));
    }

    public String clearPhone(Organisation organisation) {
        return organisation.contactPhoneCipher() == null
                ? ""
                : crypto.decrypt(organisation.contactPhoneCipher(), TABLE, COLUMN);
    }
}
