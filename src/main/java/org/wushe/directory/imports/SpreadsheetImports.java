package org.wushe.directory.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.wushe.access.DataScope;
import org.wushe.directory.imports.ImportJobStore.Job;
import org.wushe.platform.spreadsheet.RowImport;
import org.wushe.platform.spreadsheet.SpreadsheetReader;
import org.wushe.platform.spreadsheet.TemplateWorkbook;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * The import flow shared by organisations, social workers and volunteers: the template (Chinese headers, a dropdown
 * for every enumeration), a synchronous import (API, tests) and a background one whose progress any node can
 * report, and the importer's error workbook. Only valid rows are written, in one transaction; a file refused as a
 * whole writes nothing. Each subclass says which columns it has, how a row is checked and how valid rows are
 * written ({@link RowImport.Entity}, one per run so that its look-up caches live as long as the run).
 */
public abstract class SpreadsheetImports<T> {

    private static final Logger log = LoggerFactory.getLogger(SpreadsheetImports.class);

    protected final ImportSupport support;
    private final String kind;
    private final String entityType;
    private final Set<String> authorities;

    /**
     * @param kind       the list's URL segment ({@code /<kind>/import}, {@code /api/v1/<kind>/import})
     * @param entityType the audit trail's name of a row, which also keys the import's jobs and error workbooks
     */
    protected SpreadsheetImports(ImportSupport support, String kind, String entityType, Set<String> authorities) {
        this.support = support;
        this.kind = kind;
        this.entityType = entityType;
        this.authorities = authorities;
    }

    /** A fresh entity for one run (it may cache look-ups). */
    protected abstract RowImport.Entity<T> newRun(DataScope scope);

    /** The template's sheet name. */
    protected abstract String sheetName();

    /** Column key → the labels its dropdown offers. */
    protected abstract Map<String, List<String>> choices();

    /** Columns whose dropdown refuses other values (the others only warn, e.g. cells listing several values). */
    protected abstract Set<String> strictChoices();

    /** The list's URL segment. */
    public String kind() {
        return kind;
    }

    /** Refuses (AccessDeniedException) a caller who may not import this list — for the import page itself. */
    void authorise() {
        support.require(authorities);
    }

    /** The empty template: Chinese headers and a dropdown for every enumeration. */
    public byte[] template() {
        support.require(authorities);
        RowImport.Entity<T> entity = newRun(support.currentUser.scope());
        List<String> columns = entity.columns();
        Map<Integer, List<String>> dropdowns = new LinkedHashMap<>();
        choices().forEach((column, labels) -> dropdowns.put(columns.indexOf(column), labels));
        return TemplateWorkbook.build(
                sheetName(),
                columns.stream().map(entity::header).toList(),
                dropdowns,
                strictChoices().stream().map(columns::indexOf).collect(Collectors.toSet()));
    }

    /** Imports a file now (the caller waits): only valid rows are written, the rejected ones go to the error workbook. */
    public ImportSummary importFile(String filename, InputStream content) throws IOException {
        support.require(authorities);
        return run(
                filename,
                content,
                (read, written, rejected) -> {},
                support.currentUser.clientAddress().orElse(null));
    }

    /**
     * Starts the import in the background, bound to the caller (their security context and data scope travel
     * with it), and returns the job whose {@link #status} the importer's page polls. A file refused before
     * reading (empty, too large) is refused here.
     */
    UUID start(String filename, InputStream content) throws IOException {
        support.require(authorities);
        Path spooled = SpreadsheetReader.spool(content);
        String address = support.currentUser.clientAddress().orElse(null);
        UUID job;
        try {
            job = support.jobs.create(entityType, support.actor(), filename);
            support.executor.execute(
                    new DelegatingSecurityContextRunnable(() -> runJob(job, filename, spooled, address)));
        } catch (RuntimeException e) {
            Files.deleteIfExists(spooled);
            throw e;
        }
        return job;
    }

    private void runJob(UUID job, String filename, Path spooled, String address) {
        try (InputStream in = Files.newInputStream(spooled)) {
            ImportSummary summary = run(
                    filename,
                    in,
                    (read, written, rejected) -> support.jobs.progress(job, read, written, rejected),
                    address);
            support.jobs.done(job, summary.read(), summary.written(), summary.rejected(), summary.errorWorkbook());
        } catch (InvalidValueException e) {
            support.jobs.failed(job, e.messageKey(), e.arguments());
        } catch (IOException | RuntimeException e) {
            log.error("Import {} of {} failed", job, entityType, e);
            support.jobs.failed(job, "import.failed");
        } finally {
            try {
                Files.deleteIfExists(spooled);
            } catch (IOException e) {
                log.warn("Could not delete the spooled upload {}", spooled, e);
            }
        }
    }

    /** The caller's own import job, if it exists. */
    Optional<ImportStatus> status(UUID id) {
        support.require(authorities);
        return support.jobs.find(id, entityType, support.actor()).map(SpreadsheetImports::status);
    }

    /** The error workbook of an earlier import by the same user. */
    public Optional<byte[]> errorWorkbook(UUID id) {
        support.require(authorities);
        return support.results.find(id, entityType, support.actor());
    }

    private ImportSummary run(String filename, InputStream content, RowImport.Progress progress, String address)
            throws IOException {
        long started = System.nanoTime();
        DataScope scope = support.currentUser.scope();
        String actor = support.actor();
        RowImport.Result result;
        try {
            result = support.transactions.execute(tx -> {
                try {
                    RowImport.Result r = RowImport.run(
                            filename,
                            content,
                            newRun(scope),
                            support::text,
                            support.msg("import.errorColumn"),
                            progress);
                    RegionCode region = scope.regions().size() == 1
                            ? scope.regions().iterator().next()
                            : null;
                    support.events.publishEvent(new Activity(
                            support.clock.instant(),
                            actor,
                            AuditAction.IMPORT,
                            entityType,
                            null,
                            region,
                            address,
                            null,
                            List.of("read=" + r.read(), "written=" + r.written(), "rejected=" + r.rejected())));
                    return r;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        UUID errors =
                result.errorWorkbook() == null ? null : support.results.save(entityType, actor, result.errorWorkbook());
        return new ImportSummary(
                result.read(), result.written(), result.rejected(), errors, (System.nanoTime() - started) / 1_000_000);
    }

    private static ImportStatus status(Job j) {
        return new ImportStatus(
                j.id(),
                j.state(),
                j.filename(),
                j.read(),
                j.written(),
                j.rejected(),
                j.resultId(),
                j.problemKey(),
                j.problemArgs());
    }
}
