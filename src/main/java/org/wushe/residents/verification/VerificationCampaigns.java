package org.wushe.residents.verification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.Accounts;
import org.wushe.access.CurrentUser;
import org.wushe.access.DataScope;
import org.wushe.access.KnownRegions;
import org.wushe.access.Role;
import org.wushe.access.RoleGroup;
import org.wushe.platform.ChinaTime;
import org.wushe.platform.spreadsheet.TemplateWorkbook;
import org.wushe.privacy.Masking;
import org.wushe.privacy.SensitiveData;
import org.wushe.privacy.SensitiveField;
import org.wushe.region.Regions;
import org.wushe.residents.VerificationCorrected;
import org.wushe.residents.VerificationTaskRecorded;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.residents.verification.CampaignStore.CampaignRecord;
import org.wushe.residents.verification.TaskStore.TaskRecord;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;
import org.wushe.shared.RegionLevel;

/**
 * Verification campaigns: create one, import its list (in the background), follow progress per region, work the
 * tasks and export the results. Civil-affairs admins and station staff organise campaigns in their scope;
 * community staff (and the organisers) work the tasks of their communities. Every list, count and export is
 * limited to the caller's scope in SQL; a campaign or task outside it is “not found”.
 */
@Service
public class VerificationCampaigns {

    static final String TASK = "verification_task";
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final CampaignStore campaigns;
    private final TaskStore tasks;
    private final ImportStore imports;
    private final ImportRunner runner;
    private final CurrentUser currentUser;
    private final KnownRegions known;
    private final Regions regions;
    private final Accounts accounts;
    private final SensitiveData sensitive;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VerificationCampaigns(
            CampaignStore campaigns,
            TaskStore tasks,
            ImportStore imports,
            ImportRunner runner,
            CurrentUser currentUser,
            KnownRegions known,
            Regions regions,
            Accounts accounts,
            SensitiveData sensitive,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.imports = imports;
        this.runner = runner;
        this.currentUser = currentUser;
        this.known = known;
        this.regions = regions;
        this.accounts = accounts;
        this.sensitive = sensitive;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    // ---- campaigns ----

    /** @throws FieldsRejectedException with every bad field (name, source, regionCode, deadline) */
    @PreAuthorize(RoleGroup.Guard.CAMPAIGN_ORGANISERS)
    @Transactional
    public long create(CampaignDraft draft) {
        Map<String, InvalidValueException> problems = new LinkedHashMap<>();
        String name = text(draft.name(), 100, "name", problems);
        String source = text(draft.source(), 100, "source", problems);
        RegionCode region = null;
        try {
            region = RegionCode.parse(
                    draft.regionCode() == null ? "" : draft.regionCode().strip());
            if (!scope().contains(region)) {
                problems.put(
                        "regionCode",
                        new InvalidValueException("residents.campaign.region.outOfScope", region.value()));
            } else if (!known.exists(region)) {
                problems.put(
                        "regionCode", new InvalidValueException("residents.campaign.region.unknown", region.value()));
            }
        } catch (InvalidValueException e) {
            problems.put("regionCode", e);
        }
        LocalDate deadline = null;
        try {
            deadline = LocalDate.parse(
                    draft.deadline() == null ? "" : draft.deadline().strip());
            if (deadline.isBefore(LocalDate.now(clock.withZone(ChinaTime.ZONE)))) {
                problems.put("deadline", new InvalidValueException("residents.campaign.deadline.past"));
            }
        } catch (DateTimeParseException e) {
            problems.put("deadline", new InvalidValueException("residents.campaign.deadline.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new FieldsRejectedException(problems);
        }
        long id = campaigns.insert(name, source, region, deadline, currentUser.username());
        activity(
                AuditAction.CREATE,
                "verification_campaign",
                id,
                region,
                null,
                List.of("name", "source", "regionCode", "deadline"));
        return id;
    }

    /** The newest campaigns the caller may see (at most 200), with the counts of the caller's scope. */
    @PreAuthorize(RoleGroup.Guard.CAMPAIGN_WORKERS)
    @Transactional(readOnly = true)
    public List<Campaign> list() {
        return campaigns.list(scope(), 200).stream()
                .map(c -> campaign(c.campaign(), c.total(), c.done()))
                .toList();
    }

    @PreAuthorize(RoleGroup.Guard.CAMPAIGN_WORKERS)
    @Transactional(readOnly = true)
    public Campaign get(long id) {
        var c = campaigns.counted(record(id), scope());
        return campaign(c.campaign(), c.total(), c.done());
    }

    // ---- import ----

    /** The empty list template: Chinese headers, text columns, the category dropdown. */
    @PreAuthorize(RoleGroup.Guard.CAMPAIGN_ORGANISERS)
    public byte[] template() {
        List<String> columns = ListImport.COLUMNS;
        List<String> labels = Arrays.stream(VulnerabilityCategory.values())
                .map(c -> msg("residents.campaign.category." + c.name()))
                .toList();
        return TemplateWorkbook.build(
                msg("residents.campaign.list"),
                columns.stream().map(c -> msg("residents.campaign.column." + c)).toList(),
                Map.of(columns.indexOf("category"), labels),
                Set.of(columns.indexOf("category")));
    }

    /**
     * Saves the upload and queues its import; returns the import's id to poll with {@link #importStatus}. The
     * caller's scope applies to every row (a row of a community outside it is rejected).
     */
    @PreAuthorize(RoleGroup.Guard.CAMPAIGN_ORGANISERS)
    public UUID startImport(long campaignId, String filename, InputStream content) throws IOException {
        CampaignRecord campaign = record(campaignId);
        if (filename == null || filename.isBlank()) {
            throw new InvalidValueException("import.file.required");
        }
        Path file = Files.createTempFile("wushe-list", ".upload");
        try (InputStream in = content) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        UUID id = UUID.randomUUID();
        String name = Path.of(filename).getFileName().toString();
        name = name.length() > 200 ? name.substring(name.length() - 200) : name;
        imports.started(id, campaignId, name, currentUser.username());
        runner.submit(new ListImport.Job(
                id,
                campaignId,
                campaign.name(),
                campaign.region(),
                file,
                name,
                currentUser.username(),
                scope(),
                currentUser.clientAddress().orElse(null)));
        return id;
    }

    /**
     * One import, for whoever ran it or a caller who sees the whole campaign (see {@link #imports}); for anybody
     * else it does not exist.
     */
    @PreAuthorize(RoleGroup.Guard.CAMPAIGN_WORKERS)
    @Transactional(readOnly = true)
    public ImportStatus importStatus(UUID id) {
        long campaignId = imports.campaignOf(id).orElseThrow(() -> new CampaignNotFoundException(id));
        return imports.find(id, currentUser.username(), seesWholeCampaign(record(campaignId)))
                .orElseThrow(() -> new CampaignNotFoundException(id));
    }

    /**
     * The campaign's latest imports, newest first. An import record speaks for its whole file — its name, rows
     * read and rejected and tasks created across every street of the list — so it is shown only to whoever ran
     * it and to callers whose scope holds the campaign's whole region (they see all its tasks anyway). A station
     * or community worker inside a wider campaign sees their own scope's share as progress and tasks, not
     * others' imports.
     */
    @PreAuthorize(RoleGroup.Guard.CAMPAIGN_WORKERS)
    @Transactional(readOnly = true)
    public List<ImportStatus> imports(long campaignId) {
        CampaignRecord campaign = record(campaignId);
        return imports.latest(campaignId, 5, currentUser.username(), seesWholeCampaign(campaign));
    }

    /**
     * The error workbook of an import (rejected rows as uploaded, ID numbers in clear): empty unless the caller
     * ran it; an import the caller may not see at all ({@link #importStatus}) is “not found”.
     */
    @PreAuthorize(RoleGroup.Guard.CAMPAIGN_ORGANISERS)
    @Transactional(readOnly = true)
    public Optional<byte[]> errorWorkbook(UUID importId) {
        importStatus(importId);
        return imports.errorWorkbook(importId, currentUser.username());
    }

    private boolean seesWholeCampaign(CampaignRecord campaign) {
        return scope().contains(campaign.region());
    }

    // ---- progress ----

    /**
     * Done / total below {@code node} (the campaign's region when null or outside it): per district, street or
     * community, counting only tasks in the caller's scope.
     */
    @PreAuthorize(RoleGroup.Guard.CAMPAIGN_WORKERS)
    @Transactional(readOnly = true)
    public Progress progress(long campaignId, String node) {
        CampaignRecord campaign = record(campaignId);
        RegionCode at = campaign.region();
        if (node != null && !node.isBlank()) {
            RegionCode asked = RegionCode.parse(node.strip());
            if (campaign.region().contains(asked) && asked.level() != RegionLevel.VILLAGE) {
                at = asked;
            }
        }
        int length = switch (at.level()) {
            case PROVINCE -> 4;
            case CITY -> 6;
            case COUNTY -> 9;
            default -> 12;
        };
        Map<String, String> names = new LinkedHashMap<>();
        regions.children(at).forEach(r -> names.put(r.code().value(), r.name()));
        List<ProgressRow> rows = new ArrayList<>();
        long total = 0;
        long done = 0;
        for (TaskStore.Count c : tasks.progress(campaignId, at, length, scope())) {
            String code = c.prefix().length() < 6 ? (c.prefix() + "000000").substring(0, 6) : c.prefix();
            rows.add(new ProgressRow(code, names.getOrDefault(code, code), c.total(), c.done(), length < 12));
            total += c.total();
            done += c.done();
        }
        String parent = at.equals(campaign.region())
                ? null
                : at.parent().map(RegionCode::value).orElse(null);
        return new Progress(campaignId, at.value(), regionName(at), parent, total, done, rows);
    }

    // ---- tasks ----

    @PreAuthorize(RoleGroup.Guard.CAMPAIGN_WORKERS)
    @Transactional(readOnly = true)
    public TaskPage tasks(TaskFilter filter, int page, int size) {
        long me = currentUser.require().accountId();
        long total = tasks.count(scope(), filter, me);
        return new TaskPage(tasks.page(scope(), filter, me, page, size), total, page, size);
    }

    /** One task; the view is recorded (the page shows masked personal data). */
    @PreAuthorize(RoleGroup.Guard.CAMPAIGN_WORKERS)
    @Transactional
    public TaskDetails task(long id) {
        TaskRecord t = taskRecord(id);
        sensitive.viewed(new SensitiveField(TASK, String.valueOf(id), t.community(), "id_number"));
        return details(t);
    }

    /**
     * Records what the worker found. DIFFERS needs at least one corrected value (phone, address or category),
     * every corrected value is validated; other outcomes take none. On a person who is on the register, DIFFERS
     * publishes {@link VerificationCorrected} (the register applies it later, not here).
     *
     * @throws FieldsRejectedException field by field; nothing is written
     */
    @PreAuthorize(RoleGroup.Guard.CAMPAIGN_WORKERS)
    @Transactional
    public TaskDetails recordOutcome(long id, OutcomeDraft draft) {
        VerificationTask task = taskRecord(id).task();
        VerificationTask.Recorded recorded = task.record(draft, currentUser.require());
        if (!tasks.recordOutcome(task, recorded.finding(), currentUser.username(), clock.instant())) {
            throw new InvalidValueException("residents.campaign.task.changed");
        }
        activity(AuditAction.UPDATE, TASK, id, task.community(), null, recorded.fields());
        events.publishEvent(new VerificationTaskRecorded(
                id,
                task.campaignId(),
                task.community().value(),
                recorded.finding().outcome().name(),
                clock.instant(),
                currentUser.username()));
        if (recorded.corrected() != null) {
            events.publishEvent(recorded.corrected());
        }
        return details(taskRecord(id));
    }

    /** Assigns a task to a named community worker of its community (null: back to all of them). */
    @PreAuthorize(RoleGroup.Guard.CAMPAIGN_ORGANISERS)
    @Transactional
    public void assign(long id, Long accountId) {
        VerificationTask task = taskRecord(id).task();
        VerificationTask assigned = task.assignTo(
                accountId,
                accountId == null ? List.of() : accounts.holdersCovering(Role.COMMUNITY_STAFF, task.community()));
        tasks.assign(id, assigned.assigneeAccountId());
        activity(AuditAction.UPDATE, TASK, id, task.community(), null, List.of("assignee"));
    }

    @PreAuthorize(RoleGroup.Guard.CAMPAIGN_WORKERS)
    @Transactional
    public String revealIdNumber(long id, String reason) {
        TaskRecord t = taskRecord(id);
        return sensitive.reveal(
                new SensitiveField(TASK, String.valueOf(id), t.community(), "id_number"),
                reason,
                () -> tasks.idNumber(t));
    }

    @PreAuthorize(RoleGroup.Guard.CAMPAIGN_WORKERS)
    @Transactional
    public String revealPhone(long id, String reason) {
        TaskRecord t = taskRecord(id);
        return sensitive.reveal(
                new SensitiveField(TASK, String.valueOf(id), t.community(), "phone"),
                reason,
                () -> t.phoneCipher() == null ? "" : tasks.phone(t));
    }

    /**
     * Streams the campaign's results in the caller's scope (masked) to {@code sink}, community by community; the
     * export is audited.
     */
    @PreAuthorize(RoleGroup.Guard.CAMPAIGN_WORKERS)
    @Transactional
    public void export(long campaignId, Consumer<TaskDetails> sink) {
        CampaignRecord campaign = record(campaignId);
        Map<String, String> names = new HashMap<>();
        tasks.forEach(
                campaignId,
                scope(),
                t -> sink.accept(details(
                        t, campaign, names.computeIfAbsent(t.community().value(), c -> regionName(t.community())))));
        activity(AuditAction.EXPORT, "verification_campaign", campaignId, campaign.region(), null, List.of("results"));
    }

    // ---- helpers ----

    private CampaignRecord record(long id) {
        return campaigns.find(id, scope()).orElseThrow(() -> new CampaignNotFoundException(id));
    }

    private TaskRecord taskRecord(long id) {
        return tasks.find(id, scope()).orElseThrow(() -> new TaskNotFoundException(id));
    }

    private TaskDetails details(TaskRecord t) {
        CampaignRecord campaign =
                campaigns.find(t.campaignId(), scope()).orElseThrow(() -> new TaskNotFoundException(t.id()));
        return details(t, campaign, regionName(t.community()));
    }

    private TaskDetails details(TaskRecord t, CampaignRecord campaign, String communityName) {
        return new TaskDetails(
                t.id(),
                t.campaignId(),
                campaign.name(),
                t.community().value(),
                communityName,
                Masking.name(t.name()),
                Masking.idNumber(tasks.idNumber(t)),
                t.phoneCipher() == null ? "" : Masking.phone(tasks.phone(t)),
                t.address(),
                t.category() == null ? null : VulnerabilityCategory.valueOf(t.category()),
                t.listSource(),
                t.sourceRow(),
                t.residentId(),
                t.assigneeAccountId() == null ? null : String.valueOf(t.assigneeAccountId()),
                t.outcome() == null ? null : VerificationOutcome.valueOf(t.outcome()),
                t.correctedPhoneCipher() == null ? null : Masking.phone(tasks.correctedPhone(t)),
                t.correctedAddress(),
                t.correctedCategory() == null ? null : VulnerabilityCategory.valueOf(t.correctedCategory()),
                t.note(),
                t.recordedBy(),
                t.recordedAt(),
                t.version());
    }

    private Campaign campaign(CampaignRecord c, long total, long done) {
        return new Campaign(
                c.id(),
                c.name(),
                c.source(),
                c.region().value(),
                regionName(c.region()),
                c.deadline(),
                c.createdBy(),
                c.createdAt(),
                total,
                done);
    }

    private String regionName(RegionCode code) {
        try {
            return regions.get(code).name();
        } catch (RuntimeException e) {
            return code.value();
        }
    }

    private DataScope scope() {
        return currentUser.scope();
    }

    private void activity(
            AuditAction action, String entity, long id, RegionCode region, String reason, List<String> fields) {
        events.publishEvent(new Activity(
                clock.instant(),
                currentUser.username(),
                action,
                entity,
                String.valueOf(id),
                region,
                currentUser.clientAddress().orElse(null),
                reason,
                fields));
    }

    private static String text(String value, int max, String field, Map<String, InvalidValueException> problems) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.put(field, new InvalidValueException("residents.campaign." + field + ".required"));
        } else if (v.length() > max) {
            problems.put(field, new InvalidValueException("residents.campaign.import.tooLong", max));
        }
        return v;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, ZH);
    }
}
