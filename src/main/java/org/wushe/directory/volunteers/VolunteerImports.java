package org.wushe.directory.volunteers;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.wushe.access.DataScope;
import org.wushe.access.RoleGroup;
import org.wushe.directory.Skill;
import org.wushe.directory.imports.ImportRegions;
import org.wushe.directory.imports.ImportSupport;
import org.wushe.directory.imports.SpreadsheetImports;
import org.wushe.notify.MessageKind;
import org.wushe.notify.Notifications;
import org.wushe.platform.spreadsheet.RowImport;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;
import org.wushe.shared.ResidentIdNumber;

/**
 * Imports a station's existing volunteer roster. The station vouches for these people (it has worked with them
 * and collected their consent), so they come in APPROVED, each with a fresh 公益护照号, and record who imported
 * them — not PENDING, which would make the station review its own roster row by row. No account is opened at
 * import (a one-time password hashed per row would dominate a 10,000-row import): each imported volunteer with a
 * mobile number gets an SMS invitation (queued in one batched statement per chunk, in the import's transaction)
 * and opens the account themselves ({@link VolunteerActivations}), which is when the password is hashed. ID numbers are unique (blind index) within the file and
 * against every volunteer already registered.
 */
@Service
class VolunteerImports extends SpreadsheetImports<NewVolunteer> {

    static final String ENTITY = "volunteer";
    static final List<String> COLUMNS = List.of(
            "name",
            "idNumber",
            "phone",
            "skills",
            "regionCode",
            "servedRegions",
            "availability",
            "emergencyName",
            "emergencyPhone");

    private final VolunteerBulkStore bulk;
    private final Notifications notifications;
    private final VolunteerActivations activations;

    VolunteerImports(
            ImportSupport support,
            VolunteerBulkStore bulk,
            Notifications notifications,
            VolunteerActivations activations) {
        super(support, "volunteers", ENTITY, RoleGroup.VOLUNTEER_REVIEWERS.authorities());
        this.bulk = bulk;
        this.notifications = notifications;
        this.activations = activations;
    }

    @Override
    protected String sheetName() {
        return support.msg("nav.volunteers");
    }

    @Override
    protected Map<String, List<String>> choices() {
        return Map.of("skills", support.labels(Skill.class, "skill"));
    }

    @Override
    protected Set<String> strictChoices() {
        return Set.of();
    }

    @Override
    protected RowImport.Entity<NewVolunteer> newRun(DataScope scope) {
        return new Run(scope);
    }

    private final class Run implements RowImport.Entity<NewVolunteer> {

        private final ImportRegions regions;
        private final Map<String, String> skillNames = support.labelMap(Skill.class, "skill");
        private final String actor = support.actor();

        Run(DataScope scope) {
            this.regions = support.regions(scope);
        }

        @Override
        public List<String> columns() {
            return COLUMNS;
        }

        @Override
        public String header(String column) {
            return support.msg("directory.volunteer.column." + column);
        }

        @Override
        public List<String> requiredColumns() {
            return List.of("name", "idNumber", "phone", "regionCode");
        }

        @Override
        public RowImport.Checked<NewVolunteer> check(Map<String, String> cell, RowImport.Problems problems) {
            String name = ImportSupport.check(
                    problems,
                    "name",
                    () -> ImportSupport.name(
                            cell.get("name"), 50, "directory.volunteer.name.required", "directory.volunteer.tooLong"));
            ResidentIdNumber id =
                    ImportSupport.check(problems, "idNumber", () -> ResidentIdNumber.parse(cell.get("idNumber")));
            PhoneNumber phone = ImportSupport.check(problems, "phone", () -> PhoneNumber.parse(cell.get("phone")));
            List<Skill> skills = ImportSupport.check(problems, "skills", () -> {
                Set<Skill> set = new LinkedHashSet<>();
                for (String s : ImportSupport.split(cell.get("skills"))) {
                    set.add(ImportSupport.enumValue(
                            Skill.class, skillNames.getOrDefault(s, s), "directory.volunteer.skill.unknown"));
                }
                return List.copyOf(set);
            });
            RegionCode region = ImportSupport.check(problems, "regionCode", () -> region(cell.get("regionCode")));
            List<RegionCode> served = ImportSupport.check(problems, "servedRegions", () -> {
                Set<RegionCode> set = new LinkedHashSet<>();
                for (String code : ImportSupport.split(cell.get("servedRegions"))) {
                    set.add(region(code));
                }
                if (set.size() > Volunteers.MAX_SERVED) {
                    throw new InvalidValueException("directory.volunteer.served.tooMany", Volunteers.MAX_SERVED);
                }
                return new ArrayList<>(set);
            });
            String availability = ImportSupport.check(
                    problems,
                    "availability",
                    () -> ImportSupport.text(cell.get("availability"), 200, null, "directory.volunteer.tooLong"));
            String emergencyName = ImportSupport.check(
                    problems,
                    "emergencyName",
                    () -> ImportSupport.name(cell.get("emergencyName"), 50, null, "directory.volunteer.tooLong"));
            PhoneNumber emergencyPhone = ImportSupport.check(
                    problems,
                    "emergencyPhone",
                    () -> cell.get("emergencyPhone").isEmpty() ? null : PhoneNumber.parse(cell.get("emergencyPhone")));
            NewVolunteer value = null;
            if (name != null && id != null && phone != null && skills != null && region != null && served != null) {
                List<RegionCode> all = new ArrayList<>(List.of(region));
                served.stream().filter(r -> !r.equals(region)).forEach(all::add);
                value = new NewVolunteer(
                        name, id, phone, skills, region, all, availability, emergencyName, emergencyPhone);
            }
            return new RowImport.Checked<>(value, id == null ? null : bulk.volunteerKey(id));
        }

        private RegionCode region(String raw) {
            return regions.inScope(raw, "directory.volunteer.region.required", "directory.volunteer.region.unknown");
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
            return bulk.takenVolunteerIdNumbers(keys);
        }

        @Override
        public InvalidValueException takenProblem() {
            return new InvalidValueException("directory.import.volunteer.taken");
        }

        @Override
        public void write(List<NewVolunteer> values) {
            List<String> passports = bulk.insertVolunteers(
                    values,
                    Volunteers.PRIVACY_NOTICE_VERSION,
                    actor,
                    support.clock().instant());
            List<Notifications.Sms> invitations = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                PhoneNumber phone = values.get(i).phone();
                if (phone.isMobile()) {
                    invitations.add(new Notifications.Sms(phone, activations.invitation(passports.get(i))));
                }
            }
            notifications.sendBatch(MessageKind.VOLUNTEER_INVITED, invitations);
        }
    }
}
