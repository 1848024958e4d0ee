package org.wushe.directory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
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

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.DataScope;
import org.wushe.access.KnownRegions;
import org.wushe.directory.SocialWorkers.FieldProblem;
import org.wushe.directory.SocialWorkers.Validated;
import org.wushe.directory.internal.ImportResultStore;
import org.wushe.directory.internal.SocialWorkerCipher;
import org.wushe.directory.internal.SocialWorkerRecord;
import org.wushe.directory.internal.SocialWorkerStore;
import org.wushe.directory.internal.imports.ErrorWorkbook;
import org.wushe.directory.internal.imports.RowHandler;
import org.wushe.directory.internal.imports.SpreadsheetReader;
import org.wushe.directory.internal.imports.TemplateWorkbook;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * Imports social workers from an xlsx or csv file (the template's Chinese headers, enumerations by their Chinese
 * labels): every row is validated like the form, plus duplicates within the file and against the database by
 * the ID number's blind index; only the valid rows are written (one transaction, batched), and every rejected
 * row goes to an error workbook with a red 错误原因 column. The file as a whole is refused (nothing written) when
 * it is too large, has too many rows, is not xlsx/csv, is damaged or lacks a required column.
 */
@Service
public class SocialWorkerImports {

    /** Import files and their messages are Chinese, whatever the page language. */
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final String ENTITY = "social_worker";
    static final List<String> COLUMNS = List.of("name", "idNumber", "phone", "qualification", "certificateNo",
            "specialties", "partyMember", "reportedCommunity", "availability", "regionCode", "organisations",
            "servedRegions");
    private static final String SEPARATORS = "[、,，;；/\\s]+";

    private final SocialWorkers socialWorkers;
    private final SocialWorkerStore store;
    private final SocialWorkerCipher cipher;
    private final ImportResultStore results;
    private final KnownRegions regions;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SocialWorkerImports(SocialWorkers socialWorkers, SocialWorkerStore store, SocialWorkerCipher cipher,
            ImportResultStore results, KnownRegions regions, MessageSource messages, ApplicationEventPublisher events,
            Optional<Clock> clock) {
        this.socialWorkers = socialWorkers;
        this.store = store;
        this.cipher = cipher;
        this.results = results;
        this.regions = regions;
        this.messages = messages;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The empty template: Chinese headers and a dropdown for every enumeration. */
    @PreAuthorize(SocialWorkers.WRITERS)
    public byte[] template() {
        List<String> headers = COLUMNS.stream().map(this::columnHeader).toList();
        Map<Integer, List<String>> choices = new LinkedHashMap<>();
        choices.put(COLUMNS.indexOf("qualification"), labels(Qualification.class, "qualification"));
        choices.put(COLUMNS.indexOf("specialties"), labels(Specialty.class, "specialty"));
        choices.put(COLUMNS.indexOf("partyMember"), List.of(msg("directory.import.yes"), msg("directory.import.no")));
        choices.put(COLUMNS.indexOf("availability"), labels(Availability.class, "availability"));
        return TemplateWorkbook.build(msg("nav.socialWorkers"), headers, choices,
                Set.of(COLUMNS.indexOf("qualification"), COLUMNS.indexOf("partyMember"),
                        COLUMNS.indexOf("availability")));
    }

    /** The error workbook of an earlier import by the same user. */
    @PreAuthorize(SocialWorkers.WRITERS)
    public Optional<byte[]> errorWorkbook(UUID id) {
        return results.find(id, ENTITY, socialWorkers.actor());
    }

    @PreAuthorize(SocialWorkers.WRITERS)
    @Transactional
    public ImportSummary importFile(String filename, InputStream content) throws IOException {
        long started = System.nanoTime();
        DataScope scope = socialWorkers.scope();
        Map<String, Boolean> knownRegions = new HashMap<>();
        Map<String, Object> organisationCache = new HashMap<>();
        Map<String, Map<String, String>> labels = Map.of(
                "qualification", labelMap(Qualification.class, "qualification"),
                "specialty", labelMap(Specialty.class, "specialty"),
                "availability", labelMap(Availability.class, "availability"));
        String yes = msg("directory.import.yes");
        String no = msg("directory.import.no");

        List<Accepted> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Map<ByteBuffer, Integer> seen = new HashMap<>();
        int[] columnOf = new int[COLUMNS.size()];
        List<String> header = new ArrayList<>();
        SpreadsheetReader.read(filename, content, new RowHandler() {
            @Override
            public void header(List<String> cells) {
                header.addAll(cells);
                List<String> stripped = cells.stream().map(c -> c == null ? "" : c.strip()).toList();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    columnOf[i] = stripped.indexOf(columnHeader(COLUMNS.get(i)));
                }
                List<String> missing = new ArrayList<>();
                for (String required : List.of("name", "idNumber", "regionCode")) {
                    if (columnOf[COLUMNS.indexOf(required)] < 0) {
                        missing.add(columnHeader(required));
                    }
                }
                if (!missing.isEmpty()) {
                    throw new InvalidValueException("import.file.columns", String.join("、", missing));
                }
            }

            @Override
            public void row(int rowNumber, List<String> cells) {
                List<String> reasons = new ArrayList<>();
                Map<String, String> cell = new HashMap<>();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    int c = columnOf[i];
                    cell.put(COLUMNS.get(i), c >= 0 && c < cells.size() && cells.get(c) != null ? cells.get(c).strip() : "");
                }
                String party = cell.get("partyMember");
                boolean partyMember = party.equals(yes);
                if (!party.isEmpty() && !party.equals(yes) && !party.equals(no)) {
                    reasons.add(reason("partyMember", new InvalidValueException("directory.import.yesNo", party)));
                }
                List<String> specialties = split(cell.get("specialties")).stream()
                        .map(s -> labels.get("specialty").getOrDefault(s, s)).toList();
                List<Long> orgs = new ArrayList<>();
                for (String o : split(cell.get("organisations").replace(" ", ""))) {
                    Object found = organisationCache.computeIfAbsent(o, v -> {
                        List<Long> ids = store.organisationsNamed(scope, v);
                        return ids.size() == 1 ? ids.get(0)
                                : new InvalidValueException(ids.isEmpty() ? "directory.import.organisation.unknown"
                                        : "directory.import.organisation.ambiguous", v);
                    });
                    if (found instanceof Long id) {
                        orgs.add(id);
                    } else {
                        reasons.add(reason("organisations", (InvalidValueException) found));
                    }
                }
                String qualification = cell.get("qualification");
                String availability = cell.get("availability");
                var draft = new SocialWorkerDraft(cell.get("name"), cell.get("idNumber"), cell.get("phone"),
                        qualification.isEmpty() ? null : labels.get("qualification").getOrDefault(qualification, qualification),
                        cell.get("certificateNo"), specialties, partyMember, cell.get("reportedCommunity"),
                        availability.isEmpty() ? null : labels.get("availability").getOrDefault(availability, availability),
                        cell.get("regionCode"), orgs, split(cell.get("servedRegions")));
                List<FieldProblem> problems = new ArrayList<>();
                Validated v = socialWorkers.validate(draft, false, problems,
                        code -> knownRegions.computeIfAbsent(code.value(), k -> regions.exists(code)), false);
                problems.forEach(p -> reasons.add(reason(p.field(), p.problem())));
                byte[] index = null;
                if (v.idNumber() != null) {
                    index = cipher.idNumberIndex(v.idNumber());
                    Integer first = seen.putIfAbsent(ByteBuffer.wrap(index), rowNumber);
                    if (first != null) {
                        reasons.add(reason("idNumber", new InvalidValueException("directory.import.duplicateInFile", first)));
                    }
                }
                if (reasons.isEmpty()) {
                    accepted.add(new Accepted(rowNumber, cells, v, index));
                } else {
                    rejected.add(new Rejected(rowNumber, cells, String.join("；", reasons)));
                }
            }
        });

        Set<ByteBuffer> taken = store.takenIdNumbers(accepted.stream().map(Accepted::index).toList());
        List<Accepted> toWrite = new ArrayList<>();
        for (Accepted a : accepted) {
            if (taken.contains(ByteBuffer.wrap(a.index()))) {
                rejected.add(new Rejected(a.rowNumber(), a.cells(),
                        reason("idNumber", new InvalidValueException("directory.socialWorker.idNumber.taken"))));
            } else {
                toWrite.add(a);
            }
        }
        String actor = socialWorkers.actor();
        List<Long> ids = toWrite.isEmpty() ? List.of() : store.nextIds(toWrite.size());
        List<SocialWorkerRecord> records = new ArrayList<>(toWrite.size());
        for (int i = 0; i < toWrite.size(); i++) {
            records.add(toWrite.get(i).values().toRecord(ids.get(i), null, cipher, actor, clock, 0));
        }
        store.insertAll(records);

        UUID errors = null;
        if (!rejected.isEmpty()) {
            rejected.sort(java.util.Comparator.comparingInt(Rejected::rowNumber));
            try (ErrorWorkbook workbook = new ErrorWorkbook(header, msg("import.errorColumn"))) {
                rejected.forEach(r -> workbook.add(r.cells(), r.reasons()));
                errors = results.save(ENTITY, actor, workbook.toBytes());
            }
        }
        long read = accepted.size() + rejected.size() - (accepted.size() - toWrite.size());
        RegionCode region = scope.regions().size() == 1 ? scope.regions().iterator().next() : null;
        events.publishEvent(new Activity(clock.instant(), actor, AuditAction.IMPORT, ENTITY, null, region,
                socialWorkers.clientAddress().orElse(null), null,
                List.of("read=" + read, "written=" + toWrite.size(), "rejected=" + rejected.size())));
        return new ImportSummary(read, toWrite.size(), rejected.size(), errors,
                (System.nanoTime() - started) / 1_000_000);
    }

    private String reason(String column, InvalidValueException problem) {
        return columnHeader(column) + "：" + messages.getMessage(problem.messageKey(), problem.arguments(),
                problem.messageKey(), ZH);
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.strip().split(SEPARATORS)).filter(s -> !s.isBlank()).toList();
    }

    private record Accepted(int rowNumber, List<String> cells, Validated values, byte[] index) {
    }

    private record Rejected(int rowNumber, List<String> cells, String reasons) {
    }

    private String columnHeader(String column) {
        return msg("directory.socialWorker.column." + column);
    }

    private <E extends Enum<E>> List<String> labels(Class<E> type, String prefix) {
        return Arrays.stream(type.getEnumConstants()).map(e -> msg("directory." + prefix + "." + e.name())).toList();
    }

    private <E extends Enum<E>> Map<String, String> labelMap(Class<E> type, String prefix) {
        Map<String, String> map = new HashMap<>();
        for (E e : type.getEnumConstants()) {
            map.put(msg("directory." + prefix + "." + e.name()), e.name());
            map.put(e.name(), e.name());
        }
        return map;
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, ZH);
    }
}
