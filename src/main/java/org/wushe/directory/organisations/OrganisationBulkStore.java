package org.wushe.directory.organisations;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.wushe.directory.OrgType;
import org.wushe.directory.imports.BulkSql;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.CreditCode;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;

/**
 * Batched writes and key look-ups of the organisation import (a thousand rows per round trip); encrypts and
 * blind-indexes exactly as {@link OrganisationFactory} does.
 */
@Repository
class OrganisationBulkStore {

    private final JdbcTemplate template;
    private final BulkSql bulk;
    private final CryptoService crypto;

    OrganisationBulkStore(JdbcTemplate template, BulkSql bulk, CryptoService crypto) {
        this.template = template;
        this.bulk = bulk;
        this.crypto = crypto;
    }

    /** An organisation to insert, validated. */
    record NewOrganisation(
            OrgType type,
            String name,
            CreditCode creditCode,
            RegionCode region,
            String address,
            String contactPerson,
            PhoneNumber phone,
            Long parentId,
            List<RegionCode> served) {}

    /** The credit-code key of the organisation import (the code's bytes). */
    static ByteBuffer creditCodeKey(CreditCode code) {
        return ByteBuffer.wrap(code.value().getBytes(StandardCharsets.US_ASCII));
    }

    Set<ByteBuffer> takenCreditCodes(List<ByteBuffer> keys) {
        return bulk.taken(
                "select credit_code from directory_organisation where credit_code in (%s)",
                keys.stream()
                        .map(k -> (Object) new String(k.array(), StandardCharsets.US_ASCII))
                        .toList(),
                rs -> ByteBuffer.wrap(rs.getString(1).getBytes(StandardCharsets.US_ASCII)));
    }

    void insertOrganisations(List<NewOrganisation> organisations, String createdBy, Instant now) {
        List<Long> ids = bulk.nextIds("directory_organisation", organisations.size());
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> served = new ArrayList<>();
        for (int i = 0; i < organisations.size(); i++) {
            NewOrganisation o = organisations.get(i);
            PhoneNumber phone = o.phone();
            rows.add(new Object[] {
                ids.get(i),
                o.type().name(),
                o.name(),
                o.creditCode() == null ? null : o.creditCode().value(),
                o.region().value(),
                o.address(),
                o.contactPerson(),
                phone == null
                        ? null
                        : crypto.encrypt(phone.value(), OrganisationFactory.TABLE, OrganisationFactory.COLUMN),
                phone == null ? null : crypto.blindIndex("phone", phone.value()),
                o.parentId(),
                createdBy,
                Timestamp.from(now)
            });
            for (RegionCode r : o.served()) {
                served.add(new Object[] {ids.get(i), r.value()});
            }
        }
        template.batchUpdate("""
                insert into directory_organisation (id, type, name, credit_code, region_code, address, contact_person,
                    contact_phone_cipher, contact_phone_index, parent_id, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        template.batchUpdate(
                "insert into directory_organisation_region (organisation_id, region_code) values (?, ?)"
                        + " on conflict do nothing",
                served);
    }
}
