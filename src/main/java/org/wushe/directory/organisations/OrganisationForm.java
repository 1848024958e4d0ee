package org.wushe.directory.organisations;

import java.util.List;
import java.util.Map;
import org.wushe.shared.InvalidValueException;

/**
 * The create/edit form as typed (kept raw, so a rejected form comes back with the user's input). Served
 * regions come from a multiple region picker: its chosen codes, joined by commas as Spring binds repeated
 * parameters, and any name typed without script; API clients and old bookmarks send codes separated by commas or
 * spaces, which stay accepted.
 */
record OrganisationForm(
        String type,
        String name,
        String creditCode,
        String regionCode,
        String address,
        String contactPerson,
        String contactPhone,
        String publicPhone,
        String parentId,
        String servedRegions) {

    /** Which form field a validation message belongs under, by the message key's prefix. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("directory.organisation.type", "type"),
            Map.entry("directory.organisation.name", "name"),
            Map.entry("directory.organisation.creditCode", "creditCode"),
            Map.entry("value.creditCode", "creditCode"),
            Map.entry("directory.organisation.region", "regionCode"),
            Map.entry("value.region", "regionCode"),
            Map.entry("directory.organisation.address", "address"),
            Map.entry("directory.organisation.contactPerson", "contactPerson"),
            Map.entry("value.phone", "contactPhone"),
            Map.entry("directory.organisation.publicPhone", "publicPhone"),
            Map.entry("directory.organisation.parent", "parentId"),
            Map.entry("picker.organisation", "parentId"),
            Map.entry("directory.organisation.served", "servedRegions"),
            Map.entry("picker.region", "servedRegions"));

    static OrganisationForm empty() {
        return new OrganisationForm(null, null, null, null, null, null, null, null, null, null);
    }

    static OrganisationForm of(OrganisationDetails o) {
        return new OrganisationForm(
                o.type().name(),
                o.name(),
                o.creditCode(),
                o.regionCode(),
                o.address(),
                o.contactPerson(),
                null,
                o.publicPhone(),
                o.parentId() == null ? null : o.parentId().toString(),
                String.join(", ", o.servedRegions()));
    }

    OrganisationForm withParentId(String parent) {
        return new OrganisationForm(
                type,
                name,
                creditCode,
                regionCode,
                address,
                contactPerson,
                contactPhone,
                publicPhone,
                parent,
                servedRegions);
    }

    OrganisationForm withServedRegions(String served) {
        return new OrganisationForm(
                type,
                name,
                creditCode,
                regionCode,
                address,
                contactPerson,
                contactPhone,
                publicPhone,
                parentId,
                served);
    }

    /** The served regions as submitted: codes, or names typed without script. */
    List<String> servedTokens() {
        return servedRegions == null
                ? List.of()
                : List.of(servedRegions.split("[,，;；、\\s]+")).stream()
                        .filter(t -> !t.isBlank())
                        .toList();
    }

    /** On an edit a blank phone keeps the stored one (it is never sent back to the browser). */
    OrganisationDraft toDraft(boolean editing) {
        String phone = contactPhone == null || contactPhone.isBlank() ? (editing ? null : "") : contactPhone;
        return new OrganisationDraft(
                type,
                name,
                creditCode,
                regionCode,
                address,
                contactPerson,
                phone,
                publicPhone,
                parent(),
                servedTokens());
    }

    private Long parent() {
        if (parentId == null || parentId.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(parentId.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("directory.organisation.parent.invalid");
        }
    }

    static String fieldOf(String messageKey) {
        return FIELDS.entrySet().stream()
                .filter(e -> messageKey.startsWith(e.getKey() + "."))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("");
    }
}
