package org.wushe.directory.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.directory.DirectoryTestData.creditCode;
import static org.wushe.directory.DirectoryTestData.marker;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.ImportFiles;
import org.wushe.directory.ImportPolling;

/** A long import runs in the background; the page shows rows read / written / rejected while it runs. */
@WusheIntegrationTest
class ImportProgressTests {

    static final Staff XUHUI = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-progress-importer");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Organisations organisations;

    @Test
    void tenThousandOrganisationsShowProgressWhileTheImportRunsAndTheResultWhenDone() throws Exception {
        String m = marker();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            boolean bad = i % 100 == 7;
            rows.add(List.of(
                    i % 2 == 0 ? "学校" : "社会工作服务机构",
                    "进度机构" + i + m,
                    creditCode(),
                    bad ? "310104999" : "310104",
                    "",
                    "",
                    "",
                    "",
                    ""));
        }
        byte[] file = ImportFiles.xlsx(OrganisationImportTests.HEADER, rows);

        long started = System.nanoTime();
        String job = ImportPolling.upload(mvc, XUHUI, "organisations", "进度.xlsx", file);
        List<String> seen = ImportPolling.poll(mvc, XUHUI, job);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "[import] 10,000-row organisation xlsx (%,d bytes) in the background: %,d ms, %d polls%n",
                file.length, millis, seen.size());

        List<String> running = seen.stream().filter(s -> s.contains("正在导入")).toList();
        assertThat(running).as("the page polled a running import").isNotEmpty();
        assertThat(running).allSatisfy(s -> assertThat(s).contains("hx-get=\"" + job + "\"", "progress-bar"));
        assertThat(running)
                .as("some poll saw rows read but the import not finished")
                .anySatisfy(s -> assertThat(s).containsPattern("已读取 [1-9][0-9,]* 行"));
        String last = seen.get(seen.size() - 1);
        assertThat(last).contains("读取 10,000 行，写入 9,900 行，拒绝 100 行。", "下载错误明细").doesNotContain("hx-get");
        assertThat(XUHUI.call(() -> organisations.list(new OrganisationFilter(null, null, null, m), 1, 10))
                        .total())
                .isEqualTo(9_900);

        String id = job.substring(job.lastIndexOf('/') + 1);
        assertThat(jdbc.sql("select state || ' ' || rows_read || ' ' || rows_written || ' ' || rows_rejected"
                                + " from directory_import_job where id = cast(? as uuid)")
                        .param(id)
                        .query(String.class)
                        .single())
                .as("the status any node reads")
                .isEqualTo("DONE 10000 9900 100");
    }
}
