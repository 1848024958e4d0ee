package org.wushe.directory.socialworkers;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.wushe.access.DataScope;
import org.wushe.access.RoleGroup;
import org.wushe.directory.Availability;
import org.wushe.directory.Qualification;
import org.wushe.directory.Specialty;
import org.wushe.directory.imports.ImportRegions;
import org.wushe.directory.imports.ImportSupport;
import org.wushe.directory.imports.SpreadsheetImports;
import org.wushe.directory.organisations.OrganisationQueries;
import org.wushe.directory.socialworkers.SocialWorkers.FieldProblem;
import org.wushe.directory.socialworkers.SocialWorkers.Validated;
import org.wushe.platform.spreadsheet.RowImport;
import org.wushe.shared.InvalidValueException;

/**
 * Imports social workers (the template's Chinese headers, enumerations by their Chinese labels): every row is
 * validated like the form, organisations are named by credit code or full name in the caller's scope, and the ID
 * number's blind index is unique within the file and against the database.
 */
@Service
class SocialWorkerImports extends SpreadsheetImports<Validated> {

    static final String ENTITY = "social_worker";
    static final List<String> COLUMNS = List.of(
            "name",
            "idNumber",
            "phone",
            "qualification",
            "certificateNo",
            "specialties",
            "partyMember",
            "reportedCommunity",
            "availability",
            "regionCode",
            "organisations",
            "servedRegions");

    private final SocialWorkers socialWorkers;
    private final SocialWorkerStore store;
    private final SocialWorkerCipher cipher;
    private final OrganisationQueries organisations;

    SocialWorkerImports(
            ImportSupport support,
            SocialWorkers socialWorkers,
            SocialWorkerStore store,
            SocialWorkerCipher cipher,
            OrganisationQueries organisations) {
        super(support, "social-workers", ENTITY, RoleGroup.SOCIAL_WORKER_WRITERS.authorities());
        this.socialWorkers = socialWorkers;
        this.store = store;
        this.cipher = cipher;
        this.organisations = organisations;
    }

    @Override
    protected String sheetName() {
        return support.msg("nav.socialWorkers");
    }

    @Override
    protected Map<String, List<String>> choices() {
        Map<String, List<String>> choices = new LinkedHashMap<>();
        choices.put("qualification", support.labels(Qualification.class, "qualification"));
        choices.put("specialties", support.labels(Specialty.class, "specialty"));
        choices.put("partyMember", List.of(support.msg("directory.import.yes"), support.msg("directory.import.no")));
        choices.put("availability", support.labels(Availability.class, "availability"));
        return choices;
    }

    @Override
    protected Set<String> strictChoices() {
        return Set.of("qualification", "partyMember", "availability");
    }

    @Override
    protected RowImport.Entity<Validated> newRun(DataScope scope) {
        return new Run(scope);
    }

    /** One run: caches region and organisation look-ups for the file. */
    private final class Run implements RowImport.Entity<Validated> {

        private final ImportRegions regions;
        private final Function<String, Long> organisationNamed;
        private final Map<String, String> qualifications = support.labelMap(Qualification.class, "qualification");
        private final Map<String, String> specialties = support.labelMap(Specialty.class, "specialty");
        private final Map<String, String> availabilities = support.labelMap(Availability.class, "availability");
        private final String yes = support.msg("directory.import.yes");
        private final String no = support.msg("directory.import.no");
        private final String actor = support.actor();

        Run(DataScope scope) {
            this.regions = support.regions(scope);
            this.organisationNamed = organisations.namedIn(scope);
        }

        @Override
        public List<String> columns() {
            return COLUMNS;
        }

        @Override
        public String header(String column) {
            return support.msg("directory.socialWorker.column." + column);
        }

        @Override
        public List<String> requiredColumns() {
            return List.of("name", "idNumber", "regionCode");
        }

        @Override
        public RowImport.Checked<Validated> check(Map<String, String> cell, RowImport.Problems problems) {
            String party = cell.get("partyMember");
            if (!party.isEmpty() && !party.equals(yes) && !party.equals(no)) {
                problems.add("partyMember", new InvalidValueException("directory.import.yesNo", party));
            }
            List<Long> orgs = new ArrayList<>();
            for (String o : ImportSupport.split(cell.get("organisations").replace(" ", ""))) {
                Long id = ImportSupport.check(problems, "organisations", () -> organisationNamed.apply(o));
                if (id != null) {
                    orgs.add(id);
                }
            }
            String qualification = cell.get("qualification");
            String availability = cell.get("availability");
            var draft = new SocialWorkerDraft(
                    cell.get("name"),
                    cell.get("idNumber"),
                    cell.get("phone"),
                    qualification.isEmpty() ? null : qualifications.getOrDefault(qualification, qualification),
                    cell.get("certificateNo"),
                    ImportSupport.split(cell.get("specialties")).stream()
                            .map(s -> specialties.getOrDefault(s, s))
                            .toList(),
                    party.equals(yes),
                    cell.get("reportedCommunity"),
                    availability.isEmpty() ? null : availabilities.getOrDefault(availability, availability),
                    cell.get("regionCode"),
                    orgs,
                    ImportSupport.split(cell.get("servedRegions")));
            List<FieldProblem> found = new ArrayList<>();
            Validated v = socialWorkers.validate(draft, false, found, regions::known, false);
            found.forEach(p -> problems.add(p.field(), p.problem()));
            return new RowImport.Checked<>(
                    v, v.idNumber() == null ? null : ByteBuffer.wrap(cipher.idNumberIndex(v.idNumber())));
        }

        @Override
        public String keyColumn() {
            return "idNumber";
        }

        @Override
        public InvalidValueException duplicateInFile(int firstRow) {
            return new InvalidValueException("directory.import.duplicateInFile", firstRow);
        }

        @Override
        public Set<ByteBuffer> taken(List<ByteBuffer> keys) {
            return store.takenIdNumbers(keys);
        }

        @Override
        public InvalidValueException takenProblem() {
            return new InvalidValueException("directory.socialWorker.idNumber.taken");
        }

        @Override
        public void write(List<Validated> values) {
            List<Long> ids = store.nextIds(values.size());
            List<SocialWorkerRecord> records = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                records.add(values.get(i).toRecord(ids.get(i), null, cipher, actor, support.clock(), 0));
            }
            store.insertAll(records);
        }
    }
}
