package org.wushe.residents.verification;

import java.io.IOException;
import java.nio.file.Files;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.wushe.shared.InvalidValueException;

/**
 * Runs list imports in the background, one at a time on this node: an import of a million rows keeps one core
 * busy for a while, and on a small machine two at once would only slow each other and the pages down. A few
 * more wait in a short queue; beyond that the upload is refused with “busy, try again”.
 */
@Component
class ImportRunner implements DisposableBean {

    private final ListImport listImport;
    private final ImportStore store;
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    ImportRunner(ListImport listImport, ImportStore store) {
        this.listImport = listImport;
        this.store = store;
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(8);
        executor.setThreadNamePrefix("list-import-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
    }

    public void submit(ListImport.Job job) {
        try {
            executor.execute(() -> listImport.run(job));
        } catch (TaskRejectedException e) {
            store.failed(job.id(), "residents.campaign.import.busy");
            try {
                Files.deleteIfExists(job.file());
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temp directory
            }
            throw new InvalidValueException("residents.campaign.import.busy");
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
