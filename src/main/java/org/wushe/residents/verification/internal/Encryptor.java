package org.wushe.residents.verification.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Encrypts valid rows on worker threads while the import thread goes on parsing and validating — encryption is
 * the largest cost of an import (two SM4-GCM values a row) and parsing is the second, so on two cores they overlap.
 * Rows are handed on in file order, in batches; at most a few batches are in flight, so memory stays bounded.
 */
final class Encryptor implements AutoCloseable {

    private static final int BATCH = 2_048;
    private static final int IN_FLIGHT = 4;

    private final ExecutorService workers;
    private final Function<ListRows.Valid, StagedRow> encrypt;
    private final Consumer<StagedRow> sink;
    private final ArrayDeque<Future<List<StagedRow>>> pending = new ArrayDeque<>();
    private List<ListRows.Valid> batch = new ArrayList<>(BATCH);

    Encryptor(int threads, Function<ListRows.Valid, StagedRow> encrypt, Consumer<StagedRow> sink) {
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "list-import-encrypt");
            t.setDaemon(true);
            return t;
        });
        this.encrypt = encrypt;
        this.sink = sink;
    }

    void add(ListRows.Valid row) {
        batch.add(row);
        if (batch.size() == BATCH) {
            submit();
        }
    }

    /** Encrypts what is left and hands every row on; call before ending the COPY. */
    void finish() {
        if (!batch.isEmpty()) {
            submit();
        }
        while (!pending.isEmpty()) {
            drainOldest();
        }
    }

    private void submit() {
        List<ListRows.Valid> rows = batch;
        batch = new ArrayList<>(BATCH);
        pending.add(workers.submit(() -> rows.stream().map(encrypt).toList()));
        while (pending.size() > IN_FLIGHT) {
            drainOldest();
        }
    }

    private void drainOldest() {
        try {
            pending.poll().get().forEach(sink);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
