package org.wushe.residents.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.KnownRegions;
import org.wushe.access.Role;
import org.wushe.notify.StaffInbox;
import org.wushe.platform.spreadsheet.ErrorWorkbook;
import org.wushe.platform.spreadsheet.RowHandler;
import org.wushe.platform.spreadsheet.SpreadsheetReader;
import org.wushe.privacy.CryptoService;
import org.wushe.region.Regions;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * Imports one list into a campaign, all or nothing, in one transaction:
 * <ol>
 * <li>stream the file (xlsx or csv, {@link SpreadsheetReader}) and check every row in Java ({@link ListRows});
 * valid rows are encrypted and written straight into the UNLOGGED staging table with binary {@code COPY}
 * ({@link StagingWriter}), rejected rows into the error workbook — memory stays bounded whatever the size;</li>
 * <li>one set-based statement matches the staged rows to the register by ID blind index and inserts one task per
 * person not yet in the campaign (row identity: campaign + blind index, unique in SQL; people already there are
 * skipped in Java before anything is encrypted, so a re-import adds nobody twice, keeps the outcomes already
 * recorded and costs little more than reading the file);</li>
 * <li>the staged rows are deleted, the community staff told, the status row set to DONE — in the same commit.</li>
 * </ol>
 * Any failure rolls everything back and the status row says why.
 */
@Component
class ListImport {

    /** A list may have millions of rows (csv); xlsx stays bound by POI's 200 MB limit per sheet. */
    public static final SpreadsheetReader.Limits LIMITS = new SpreadsheetReader.Limits(1L << 31, 5_000_000);
    /** The list's columns in template order (headers: {@code residents.campaign.column.<name>}). */
    public static final List<String> COLUMNS = ListRows.COLUMNS;

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final String ENTITY = "verification_campaign";
    private static final int PROGRESS_EVERY = 25_000;
    /** First key of the advisory lock that serialises imports into one campaign (second key: the campaign). */
    private static final int LOCK_SPACE = 0x56455249; // "VERI"

    private static final Logger log = LoggerFactory.getLogger(ListImport.class);

    /*
     * Imports into one campaign are serialised by an advisory lock taken just before this statement, so NOT EXISTS
     * is exact (the statement's snapshot sees every task committed by an earlier import) and a plain INSERT does
     * without ON CONFLICT's speculative insertion. Rows go in identity-key order: for a new campaign that appends
     * to the right edge of the identity index instead of touching a random leaf page per row.
     */
    private static final String MATCH_AND_INSERT = """
            with inserted as (
                insert into residents_verification_task (campaign_id, community_code, id_number_index,
                    id_number_cipher, name, phone_cipher, address, category, list_source, source_row, resident_id)
                select :campaign, s.community_code, s.id_number_index, s.id_number_cipher, s.name, s.phone_cipher,
                       s.address, s.category, s.list_source, s.source_row, r.id
                from residents_verification_staging s
                left join residents_resident r on r.id_number_index = s.id_number_index and r.voided_at is null
                where s.import_id = :import
                  and not exists (select 1 from residents_verification_task t
                                  where t.campaign_id = :campaign and t.id_number_index = s.id_number_index)
                order by s.id_number_index
                returning community_code, resident_id)
            select community_code, count(*) as created, count(resident_id) as matched
            from inserted group by community_code order by community_code
            """;

    /** One import to run: what, into which campaign, and who asked (their scope applies to every row). */
    public record Job(
            UUID id,
            long campaignId,
            String campaignName,
            RegionCode campaignRegion,
            Path file,
            String filename,
            String actor,
            DataScope scope,
            String clientAddress) {}

    private record Created(String communityCode, long created, long matched) {}

    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final TransactionTemplate lookup;
    private final JdbcClient jdbc;
    private final CryptoService crypto;
    private final KnownRegions known;
    private final Regions regions;
    private final MessageSource messages;
    private final ImportStore store;
    private final StaffInbox inbox;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ListImport(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            JdbcClient jdbc,
            CryptoService crypto,
            KnownRegions known,
            Regions regions,
            MessageSource messages,
            ImportStore store,
            StaffInbox inbox,
            Accounts accounts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        // region look-ups run while the import's connection is busy with COPY, so they use a connection of their own
        this.lookup = new TransactionTemplate(transactions);
        lookup.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        lookup.setReadOnly(true);
        this.jdbc = jdbc;
        this.crypto = crypto;
        this.known = known;
        this.regions = regions;
        this.messages = messages;
        this.store = store;
        this.inbox = inbox;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** Runs the job to its end (DONE or FAILED in the status row) and deletes its file. */
    public void run(Job job) {
        try {
            List<ErrorWorkbook> errors = new ArrayList<>(1);
            try {
                transaction.executeWithoutResult(s -> load(job, errors));
            } finally {
                errors.forEach(ErrorWorkbook::close); // deletes SXSSF's temporary files
            }
        } catch (InvalidValueException e) {
            store.failed(job.id(), e.messageKey(), e.arguments());
        } catch (RuntimeException e) {
            log.error("List import {} into campaign {} failed", job.id(), job.campaignId(), e);
            store.failed(job.id(), "residents.campaign.import.failed");
        } finally {
            try {
                Files.deleteIfExists(job.file());
            } catch (IOException e) {
                log.warn("Could not delete the upload of import {}", job.id(), e);
            }
        }
    }

    private void load(Job job, List<ErrorWorkbook> errors) {
        long started = System.nanoTime();
        CommunityResolver communities = new CommunityResolver(
                job.campaignRegion(),
                job.scope(),
                code -> Boolean.TRUE.equals(lookup.execute(s -> known.exists(code))),
                code -> lookup.execute(s -> regions.children(code)));
        ListRows check = new ListRows(
                crypto,
                communities,
                column -> msg("residents.campaign.column." + column),
                problem -> msg(problem.messageKey(), problem.arguments()),
                category -> msg("residents.campaign.category." + category.name()));
        Connection connection = DataSourceUtils.getConnection(dataSource);
        long[] counts = new long[3]; // read, rejected, already in the campaign
        IndexSet existing = new IndexSet();
        jdbc.sql("select id_number_index from residents_verification_task where campaign_id = ?")
                .param(job.campaignId())
                .query((RowCallbackHandler) rs -> existing.addIfAbsent(rs.getBytes(1), 1));
        List<String> header = new ArrayList<>();
        long staged;
        try (StagingWriter staging = new StagingWriter(connection, job.id());
                InputStream in = Files.newInputStream(job.file())) {
            SpreadsheetReader.read(job.filename(), in, LIMITS, new RowHandler() {
                @Override
                public void header(List<String> cells) {
                    check.header(cells);
                    header.addAll(cells);
                }

                @Override
                public void row(int rowNumber, List<String> cells) {
                    ListRows.Result result = check.check(rowNumber, cells);
                    if (result.row() != null) {
                        if (existing.contains(result.row().idNumberIndex())) {
                            counts[2]++; // already in the campaign: nothing to encrypt or load
                        } else {
                            staging.write(check.stage(result.row()));
                        }
                    } else {
                        if (errors.isEmpty()) { // created on the first rejected row: most lists have none
                            errors.add(new ErrorWorkbook(
                                    header, msg("import.errorColumn"), msg(ErrorWorkbook.SOURCE_ROW_HEADER)));
                        }
                        errors.get(0).add(rowNumber, cells, result.reasons());
                        counts[1]++;
                    }
                    if (++counts[0] % PROGRESS_EVERY == 0) {
                        store.progress(job.id(), "READING", counts[0], counts[1]);
                    }
                }
            });
            staged = staging.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        long readMillis = (System.nanoTime() - started) / 1_000_000;
        store.progress(job.id(), "MATCHING", counts[0], counts[1]);

        long matchStarted = System.nanoTime();
        jdbc.sql("select pg_advisory_xact_lock(?, ?)")
                .params(LOCK_SPACE, (int) job.campaignId())
                .query((rs, n) -> 1)
                .list();
        jdbc.sql("analyze residents_verification_staging").update(); // its size and keys, for the join below
        jdbc.sql("set local work_mem = '64MB'").update(); // the sort by identity key stays in memory
        List<Created> created = jdbc.sql(MATCH_AND_INSERT)
                .param("campaign", job.campaignId())
                .param("import", job.id())
                .query((rs, n) -> new Created(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
        long matchMillis = (System.nanoTime() - matchStarted) / 1_000_000;
        jdbc.sql("delete from residents_verification_staging where import_id = ?")
                .param(job.id())
                .update();
        long newTasks = created.stream().mapToLong(Created::created).sum();
        long matched = created.stream().mapToLong(Created::matched).sum();
        for (Created c : created) {
            List<Long> staff = accounts.holdersCovering(Role.COMMUNITY_STAFF, RegionCode.parse(c.communityCode()));
            if (!staff.isEmpty()) {
                inbox.post(
                        staff,
                        "residents.campaign.inbox.tasks",
                        List.of(job.campaignName(), String.valueOf(c.created())),
                        "/verification/tasks?campaign=" + job.campaignId());
            }
        }
        byte[] workbook = counts[1] == 0 ? null : errors.get(0).toBytes();
        long existingTasks = counts[2] + staged - newTasks; // staged but inserted meanwhile by another import
        store.done(job.id(), counts[0], counts[1], newTasks, existingTasks, matched, workbook);
        events.publishEvent(new Activity(
                clock.instant(),
                job.actor(),
                AuditAction.IMPORT,
                ENTITY,
                String.valueOf(job.campaignId()),
                job.campaignRegion(),
                job.clientAddress(),
                null,
                List.of(
                        "read=" + counts[0],
                        "rejected=" + counts[1],
                        "created=" + newTasks,
                        "existing=" + existingTasks)));
        log.info(
                "List import {} into campaign {}: {} rows read, {} rejected, {} tasks created, {} existing; "
                        + "read+validate+encrypt+COPY {} ms, match+insert {} ms, total {} ms",
                job.id(),
                job.campaignId(),
                counts[0],
                counts[1],
                newTasks,
                existingTasks,
                readMillis,
                matchMillis,
                (System.nanoTime() - started) / 1_000_000);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, ZH);
    }
}
