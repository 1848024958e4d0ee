package org.wushe.directory.organisations;

import java.util.List;

/**
 * What a form or a JSON body says about an organisation, still raw: {@link Organisations} validates every
 * field (credit code, region, phone, parent) and rejects bad input with a message key.
 *
 * @param creditCode     optional for every type, validated (GB 32100) when given
 * @param contactPhone   on an update, null keeps the stored phone and blank removes it
 * @param publicPhone    the number published for residents (landline, short service or 400 number); null or blank:
 *                       none (shown in clear, so an update replaces it like any other field)
 * @param servedRegions  region codes of the regions served; may be empty
 */
public record OrganisationDraft(
        String type,
        String name,
        String creditCode,
        String regionCode,
        String address,
        String contactPerson,
        String contactPhone,
        String publicPhone,
        Long parentId,
        List<String> servedRegions) {

    /** A draft without a public phone (imports and callers that publish none). */
    public OrganisationDraft(
            String type,
            String name,
            String creditCode,
            String regionCode,
            String address,
            String contactPerson,
            String contactPhone,
            Long parentId,
            List<String> servedRegions) {
        this(type, name, creditCode, regionCode, address, contactPerson, contactPhone, null, parentId, servedRegions);
    }

    public OrganisationDraft {
        servedRegions = servedRegions == null
                ? List.of()
                : servedRegions.stream()
                        .filter(r -> r != null && !r.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }
}
