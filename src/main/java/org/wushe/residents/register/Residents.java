package org.wushe.residents.register;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.access.DataScope;
import org.wushe.access.RoleGroup;
import org.wushe.access.StaffPrincipal;
import org.wushe.privacy.SensitiveData;
import org.wushe.privacy.SensitiveField;
import org.wushe.residents.LawfulBasis;
import org.wushe.residents.RiskLevel;
import org.wushe.residents.register.DraftValidation.Valid;
import org.wushe.residents.register.InvalidFieldsException.FieldProblem;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;
import org.wushe.shared.ResidentIdNumber;

/**
 * The register of vulnerable residents (特殊困难群体台账). Civil affairs, stations, community staff and social
 * workers read and write inside their data scope, auditors read; every query is scoped in SQL by the resident's
 * community, and a record outside the scope does not exist for the caller. A record is voided with a reason,
 * never deleted; two records of one person are merged (audited), the merged one pointing to the survivor.
 */
@Service
public class Residents {

    public static final List<Integer> PAGE_SIZES = List.of(10, 20, 50, 100);
    /** The audit trail's entity name of a register record (care records of a resident are audited under it). */
    public static final String ENTITY = "resident";

    private static final List<String> FIELDS = List.of(
            "name",
            "idNumber",
            "phone",
            "registeredAddress",
            "residenceAddress",
            "communityCode",
            "room",
            "guardian",
            "emergencyContact",
            "gridWorker",
            "socialWorker",
            "lawfulBasis",
            "categories");

    private final ResidentStore store;
    private final HouseholdStore households;
    private final ResidentCipher cipher;
    private final DraftValidation validation;
    private final CurrentUser currentUser;
    private final SensitiveData sensitiveData;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Residents(
            ResidentStore store,
            HouseholdStore households,
            ResidentCipher cipher,
            DraftValidation validation,
            CurrentUser currentUser,
            SensitiveData sensitiveData,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.households = households;
        this.cipher = cipher;
        this.validation = validation;
        this.currentUser = currentUser;
        this.sensitiveData = sensitiveData;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    @Transactional
    public long create(ResidentDraft draft) {
        Valid v = validation.validate(draft, false, id -> duplicateOf(cipher.idNumberIndex(id), null));
        long id;
        try {
            id = store.insert(record(v, null));
        } catch (DuplicateKeyException raced) {
            throw duplicate(null);
        }
        audit(AuditAction.CREATE, id, v.community(), FIELDS, null);
        return id;
    }

    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    @Transactional
    public void update(long id, ResidentDraft draft) {
        ResidentRecord old = load(id);
        if (!old.state().live()) {
            throw new InvalidValueException("residents.resident.voided");
        }
        Valid v = validation.validate(draft, true, number -> duplicateOf(cipher.idNumberIndex(number), id));
        store.update(record(v, old));
        audit(AuditAction.UPDATE, id, v.community(), FIELDS, null);
    }

    @PreAuthorize(RoleGroup.Guard.RESIDENT_READERS)
    public ResidentDetails get(long id) {
        ResidentRecord r = load(id);
        return new ResidentDetails(
                r.id(),
                r.name(),
                cipher.maskedIdNumber(r.idNumberCipher()),
                r.sex(),
                r.birthDate(),
                cipher.maskedPhone(r.phoneCipher(), "phone"),
                r.registeredAddress(),
                r.residenceAddress(),
                r.communityCode(),
                r.building(),
                r.unit(),
                r.room(),
                r.householdId(),
                r.householdRelation(),
                r.guardianName(),
                r.guardianRelation(),
                cipher.maskedPhone(r.guardianPhoneCipher(), "guardian_phone"),
                r.emergencyContactName(),
                r.emergencyContactRelation(),
                cipher.maskedPhone(r.emergencyContactPhoneCipher(), "emergency_contact_phone"),
                r.gridWorkerAccountId(),
                r.socialWorkerId(),
                LawfulBasis.valueOf(r.lawfulBasis()),
                r.consentAt(),
                r.riskLevel() == null ? null : RiskLevel.valueOf(r.riskLevel()),
                r.reassessDue(),
                r.lastVisitAt(),
                r.categories(),
                r.voidedAt(),
                r.voidReason(),
                r.mergedIntoId(),
                r.createdAt(),
                r.createdBy());
    }

    /**
     * The resident, for recording care (an assessment, a visit, a case, a check-in enrolment): a voided record is
     * refused with {@code residents.resident.voided}.
     */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_READERS)
    public ResidentDetails getLive(long id) {
        ResidentDetails r = get(id);
        if (r.voided()) {
            throw new InvalidValueException("residents.resident.voided");
        }
        return r;
    }

    /** Whether the caller may change the register and record care (the pages show their forms only then). */
    public boolean callerMayWrite() {
        return currentUser
                .principal()
                .map(p -> p.in(RoleGroup.RESIDENT_WRITERS))
                .orElse(false);
    }

    /** Whether a live record the caller may see holds this ID number (the demo data skips people it registered). */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_READERS)
    public boolean registered(ResidentIdNumber idNumber) {
        return store.liveIdByIdNumber(cipher.idNumberIndex(idNumber))
                .filter(id -> store.isVisible(currentUser.scope(), id))
                .isPresent();
    }

    @PreAuthorize(RoleGroup.Guard.RESIDENT_READERS)
    public ResidentPage list(ResidentFilter filter, int page, int size) {
        if (!PAGE_SIZES.contains(size)) {
            throw new InvalidValueException("error.pageSize", PAGE_SIZES.toString());
        }
        DataScope scope = currentUser.scope();
        long total = store.count(scope, filter);
        int shown = (int) Math.max(1, Math.min(Math.max(1, page), (total + size - 1) / size));
        return new ResidentPage(store.page(scope, filter, (long) (shown - 1) * size, size), shown, size, total);
    }

    /** Reveals the ID number, the phone, or a guardian's / emergency contact's phone, for a reason (audited). */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_READERS)
    public String reveal(long id, RevealableField field, String reason) {
        ResidentRecord r = load(id);
        SensitiveField audited = new SensitiveField(ENTITY, Long.toString(id), r.communityCode(), field.column());
        return sensitiveData.reveal(audited, reason, () -> switch (field) {
            case ID_NUMBER -> cipher.clearIdNumber(r.idNumberCipher());
            case PHONE -> cipher.clearPhone(r.phoneCipher(), "phone");
            case GUARDIAN_PHONE -> cipher.clearPhone(r.guardianPhoneCipher(), "guardian_phone");
            case EMERGENCY_CONTACT_PHONE ->
                cipher.clearPhone(r.emergencyContactPhoneCipher(), "emergency_contact_phone");
        });
    }

    /**
     * The resident's own phone, or a guardian's or emergency contact's, to send a message to (never shown: the
     * caller audits what it sent); empty when none is stored. ID_NUMBER is not a phone and is refused.
     */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    public Optional<PhoneNumber> phoneToMessage(long id, RevealableField field) {
        ResidentRecord r = load(id);
        byte[] cipherText = switch (field) {
            case PHONE -> r.phoneCipher();
            case GUARDIAN_PHONE -> r.guardianPhoneCipher();
            case EMERGENCY_CONTACT_PHONE -> r.emergencyContactPhoneCipher();
            case ID_NUMBER -> throw new IllegalArgumentException("not a phone");
        };
        return cipherText == null
                ? Optional.empty()
                : Optional.of(PhoneNumber.parse(cipher.clearPhone(cipherText, field.column())));
    }

    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    @Transactional
    public void voidRecord(long id, String reason) {
        ResidentRecord r = load(id);
        ResidentState next = r.state().voidFor(reason, clock.instant());
        store.setState(next);
        audit(AuditAction.UPDATE, id, r.communityCode(), List.of("voided"), next.voidReason());
    }

    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    @Transactional
    public void unvoid(long id, String reason) {
        ResidentRecord r = load(id);
        ResidentState next = r.state().unvoid();
        refuseDuplicate(r.idNumberIndex(), id);
        store.setState(next);
        audit(AuditAction.UPDATE, id, r.communityCode(), List.of("unvoided"), reasonOf(reason));
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}: categories, household, assessments, visits, check-ins and
     * cases move to the survivor; the merged record is voided and points to it. Both must be in scope.
     */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    @Transactional
    public void merge(long survivorId, long mergedId, String reason) {
        ResidentRecord survivor = load(survivorId);
        ResidentRecord merged = load(mergedId);
        ResidentState next = merged.state().mergeInto(survivor.state(), reason, clock.instant());
        store.moveCareRecords(mergedId, survivorId, survivor.communityCode());
        store.setState(next);
        store.recordMerge(survivorId, mergedId, next.voidReason(), next.voidedAt(), actor());
        audit(
                AuditAction.UPDATE,
                mergedId,
                merged.communityCode(),
                List.of("mergedInto:" + survivorId),
                next.voidReason());
        audit(
                AuditAction.UPDATE,
                survivorId,
                survivor.communityCode(),
                List.of("mergedFrom:" + mergedId),
                next.voidReason());
    }

    // ---- households ----

    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    @Transactional
    public long createHousehold(long headResidentId, String address) {
        ResidentRecord head = load(headResidentId);
        String a = address == null || address.isBlank() ? head.residenceAddress() : address.strip();
        if (a != null && a.length() > 200) {
            throw new InvalidValueException("residents.resident.address.length", 200);
        }
        long id = households.create(head.communityCode(), a);
        households.link(headResidentId, id, "HEAD");
        audit(AuditAction.CREATE, id, head.communityCode(), List.of("household"), null);
        return id;
    }

    /** Links a resident into a household of the same community (relation e.g. 配偶, 子女); null household unlinks. */
    @PreAuthorize(RoleGroup.Guard.RESIDENT_WRITERS)
    @Transactional
    public void linkHousehold(long residentId, Long householdId, String relation) {
        ResidentRecord r = load(residentId);
        if (householdId != null) {
            RegionCode community = households
                    .communityIfVisible(currentUser.scope(), householdId)
                    .orElseThrow(() -> new InvalidValueException("residents.household.unknown", householdId));
            if (!community.equals(r.communityCode())) {
                throw new InvalidValueException("residents.household.otherCommunity");
            }
        }
        String rel = relation == null || relation.isBlank() ? null : relation.strip();
        if (rel != null && rel.length() > 20) {
            throw new InvalidValueException("residents.resident.relation.length", 20);
        }
        households.link(residentId, householdId, householdId == null ? null : rel);
        audit(AuditAction.UPDATE, residentId, r.communityCode(), List.of("household"), null);
    }

    @PreAuthorize(RoleGroup.Guard.RESIDENT_READERS)
    public Household household(long id) {
        return households.find(currentUser.scope(), id).orElseThrow(() -> new HouseholdNotFoundException(id));
    }

    // ---- helpers ----

    private void refuseDuplicate(byte[] index, Long self) {
        InvalidFieldsException duplicate = duplicateOf(index, self);
        if (duplicate != null) {
            throw duplicate;
        }
    }

    /** The problem of a live record already holding this ID number (linked only when in scope), or null. */
    private InvalidFieldsException duplicateOf(byte[] index, Long self) {
        Optional<Long> holder = store.liveIdByIdNumber(index);
        if (holder.isPresent() && !holder.get().equals(self)) {
            return duplicate(store.isVisible(currentUser.scope(), holder.get()) ? holder.get() : null);
        }
        return null;
    }

    private static InvalidFieldsException duplicate(Long visibleId) {
        InvalidValueException problem = visibleId == null
                ? new InvalidValueException("residents.resident.idNumber.registered")
                : new InvalidValueException("residents.resident.idNumber.registeredHere", visibleId);
        return new InvalidFieldsException(List.of(new FieldProblem("idNumber", problem)), visibleId);
    }

    private ResidentRecord record(Valid v, ResidentRecord old) {
        boolean keepId = v.idNumber() == null;
        return new ResidentRecord(
                old == null ? 0 : old.id(),
                v.name(),
                keepId ? old.idNumberCipher() : cipher.encryptIdNumber(v.idNumber()),
                keepId ? old.idNumberIndex() : cipher.idNumberIndex(v.idNumber()),
                keepId ? old.sex() : v.idNumber().sex(),
                keepId ? old.birthDate() : v.idNumber().birthDate(),
                keep(old, v.phone()) ? old.phoneCipher() : cipher.encryptPhone(v.phone(), "phone"),
                keep(old, v.phone()) ? old.phoneIndex() : cipher.phoneIndex(v.phone()),
                v.registeredAddress(),
                v.residenceAddress(),
                v.community(),
                v.building(),
                v.unit(),
                v.room(),
                null,
                null,
                v.guardianName(),
                v.guardianRelation(),
                keep(old, v.guardianPhone())
                        ? old.guardianPhoneCipher()
                        : cipher.encryptPhone(v.guardianPhone(), "guardian_phone"),
                v.emergencyName(),
                v.emergencyRelation(),
                keep(old, v.emergencyPhone())
                        ? old.emergencyContactPhoneCipher()
                        : cipher.encryptPhone(v.emergencyPhone(), "emergency_contact_phone"),
                v.gridWorker(),
                v.socialWorker(),
                v.basis().name(),
                v.consentAt(),
                null,
                null,
                null,
                null,
                null,
                null,
                old == null ? clock.instant() : clock.instant(),
                old == null ? actor() : old.createdBy(),
                old == null ? 0 : old.version(),
                v.categories());
    }

    /** On update a phone left blank keeps the stored one (the form never shows phones in clear). */
    private static boolean keep(ResidentRecord old, Object value) {
        return old != null && value == null;
    }

    /** Loads a record the caller may see (voided ones included), or answers not found. */
    ResidentRecord load(long id) {
        if (!store.isVisible(currentUser.scope(), id)) {
            throw new ResidentNotFoundException(id);
        }
        return store.find(id).orElseThrow(() -> new ResidentNotFoundException(id));
    }

    private static String reasonOf(String reason) {
        String r = reason == null ? "" : reason.strip();
        return r.isEmpty() ? null : r.substring(0, Math.min(200, r.length()));
    }

    String actor() {
        return currentUser.principal().map(StaffPrincipal::username).orElseGet(currentUser::username);
    }

    private void audit(AuditAction action, long id, RegionCode community, List<String> fields, String reason) {
        events.publishEvent(new Activity(
                clock.instant(),
                actor(),
                action,
                ENTITY,
                Long.toString(id),
                community,
                currentUser.clientAddress().orElse(null),
                reason,
                fields));
    }

    /** The sensitive fields that can be revealed, with the column name the audit trail records. */
    public enum RevealableField {
        ID_NUMBER("id_number"),
        PHONE("phone"),
        GUARDIAN_PHONE("guardian_phone"),
        EMERGENCY_CONTACT_PHONE("emergency_contact_phone");

        private final String column;

        RevealableField(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }
}
