package org.wushe.directory.organisations;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.wushe.access.DataScope;
import org.wushe.access.RoleGroup;
import org.wushe.directory.OrgType;
import org.wushe.directory.imports.ImportRegions;
import org.wushe.directory.imports.ImportSupport;
import org.wushe.directory.imports.SpreadsheetImports;
import org.wushe.directory.organisations.OrganisationBulkStore.NewOrganisation;
import org.wushe.platform.spreadsheet.RowImport;
import org.wushe.shared.CreditCode;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;

/**
 * Imports organisations: type by its Chinese label, credit code (GB 32100, unique within the file and against the
 * database), region and served regions known and inside the caller's scope, contact phone, and the parent named
 * by credit code or full name (an organisation already in the directory and in scope).
 */
@Service
class OrganisationImports extends SpreadsheetImports<NewOrganisation> {

    static final String ENTITY = "organisation";
    static final List<String> COLUMNS = List.of(
            "type",
            "name",
            "creditCode",
            "regionCode",
            "address",
            "contactPerson",
            "contactPhone",
            "parent",
            "servedRegions");

    private final OrganisationBulkStore bulk;
    private final OrganisationQueries names;

    OrganisationImports(ImportSupport support, OrganisationBulkStore bulk, OrganisationQueries names) {
        super(support, "organisations", ENTITY, RoleGroup.ORGANISATION_WRITERS.authorities());
        this.bulk = bulk;
        this.names = names;
    }

    @Override
    protected String sheetName() {
        return support.msg("nav.organisations");
    }

    @Override
    protected Map<String, List<String>> choices() {
        return Map.of("type", support.labels(OrgType.class, "orgType"));
    }

    @Override
    protected Set<String> strictChoices() {
        return Set.of("type");
    }

    @Override
    protected RowImport.Entity<NewOrganisation> newRun(DataScope scope) {
        return new Run(scope);
    }

    private final class Run implements RowImport.Entity<NewOrganisation> {

        private final ImportRegions regions;
        private final Function<String, Long> parents;
        private final Map<String, String> types = support.labelMap(OrgType.class, "orgType");
        private final String actor = support.actor();

        Run(DataScope scope) {
            this.regions = support.regions(scope);
            this.parents = names.namedIn(scope);
        }

        @Override
        public List<String> columns() {
            return COLUMNS;
        }

        @Override
        public String header(String column) {
            return support.msg("directory.organisation.column." + column);
        }

        @Override
        public List<String> requiredColumns() {
            return List.of("type", "name", "regionCode");
        }

        @Override
        public RowImport.Checked<NewOrganisation> check(Map<String, String> cell, RowImport.Problems problems) {
            OrgType type = ImportSupport.check(problems, "type", () -> {
                String raw = cell.get("type");
                if (raw.isEmpty()) {
                    throw new InvalidValueException("directory.organisation.type.required");
                }
                return ImportSupport.enumValue(
                        OrgType.class, types.getOrDefault(raw, raw), "directory.import.organisation.type");
            });
            String name = ImportSupport.check(
                    problems,
                    "name",
                    () -> ImportSupport.name(
                            cell.get("name"),
                            Organisations.MAX_NAME,
                            "directory.organisation.name.required",
                            "directory.organisation.name.length"));
            CreditCode creditCode = ImportSupport.check(
                    problems,
                    "creditCode",
                    () -> cell.get("creditCode").isEmpty() ? null : CreditCode.parse(cell.get("creditCode")));
            RegionCode region = ImportSupport.check(
                    problems,
                    "regionCode",
                    () -> region(cell.get("regionCode"), "directory.organisation.region.unknown"));
            String address = ImportSupport.check(
                    problems,
                    "address",
                    () -> ImportSupport.text(
                            cell.get("address"),
                            Organisations.MAX_ADDRESS,
                            null,
                            "directory.organisation.address.length"));
            String person = ImportSupport.check(
                    problems,
                    "contactPerson",
                    () -> ImportSupport.name(
                            cell.get("contactPerson"),
                            Organisations.MAX_PERSON,
                            null,
                            "directory.organisation.contactPerson.length"));
            PhoneNumber phone = ImportSupport.check(
                    problems,
                    "contactPhone",
                    () -> cell.get("contactPhone").isEmpty() ? null : PhoneNumber.parse(cell.get("contactPhone")));
            Long parent = ImportSupport.check(
                    problems, "parent", () -> cell.get("parent").isEmpty() ? null : parents.apply(cell.get("parent")));
            List<RegionCode> served = ImportSupport.check(problems, "servedRegions", () -> {
                List<String> codes = List.copyOf(new LinkedHashSet<>(ImportSupport.split(cell.get("servedRegions"))));
                if (codes.size() > Organisations.MAX_SERVED) {
                    throw new InvalidValueException("directory.organisation.served.tooMany", Organisations.MAX_SERVED);
                }
                List<RegionCode> list = new ArrayList<>();
                for (String code : codes) {
                    list.add(region(code, "directory.organisation.served.unknown"));
                }
                return list;
            });
            boolean valid = type != null
                    && name != null
                    && region != null
                    && served != null
                    && (parent != null || cell.get("parent").isEmpty());
            return new RowImport.Checked<>(
                    valid
                            ? new NewOrganisation(
                                    type, name, creditCode, region, address, person, phone, parent, served)
                            : null,
                    creditCode == null ? null : OrganisationBulkStore.creditCodeKey(creditCode));
        }

        private RegionCode region(String raw, String unknownKey) {
            return regions.inScope(raw, "directory.organisation.region.required", unknownKey);
        }

        @Override
        public String keyColumn() {
            return "creditCode";
        }

        @Override
        public InvalidValueException duplicateInFile(int firstRow) {
            return new InvalidValueException("directory.import.duplicateKeyInFile", firstRow);
        }

        @Override
        public Set<ByteBuffer> taken(List<ByteBuffer> keys) {
            return bulk.takenCreditCodes(keys);
        }

        @Override
        public InvalidValueException takenProblem() {
            return new InvalidValueException("directory.organisation.creditCode.taken");
        }

        @Override
        public void write(List<NewOrganisation> values) {
            bulk.insertOrganisations(values, actor, support.clock().instant());
        }
    }
}
