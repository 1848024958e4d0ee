package org.wushe.region.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Demo mode: the 483 real communities of 黄浦区 and 徐汇区 (from the same statistical data set). */
@Component
@Profile("demo")
@Order(10)
class DemoCommunities implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCommunities.class);
    private final CommunityImporter importer;

    DemoCommunities(CommunityImporter importer) {
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) {
        try (InputStream csv = new ClassPathResource("region/demo-communities-huangpu-xuhui.csv").getInputStream()) {
            var report = importer.importCsv(csv, code -> true);
            log.info("Demo: {} communities of 黄浦区 and 徐汇区 loaded", report.rowsWritten());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
