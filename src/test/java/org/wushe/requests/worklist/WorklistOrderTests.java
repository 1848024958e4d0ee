package org.wushe.requests.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.requests.RequestTestData.phone;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.requests.RequestTestData;
import org.wushe.requests.intake.HelpRequests;
import org.wushe.shared.PhoneNumber;

/**
 * Issue 15 item 1: the worklist puts the most urgent first — overdue, then the deadline that matters now (first
 * contact until it is made, then resolution), then priority; resolved and closed requests last, newest first —
 * and pages, the API, "my requests" and the export follow that order; newest and oldest first stay choosable.
 */
@WusheIntegrationTest
class WorklistOrderTests {

    @Autowired
    HelpRequests requests;

    @Autowired
    Worklist worklist;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TransactionTemplate tx;

    long record(String phone) {
        return RequestTestData.recordCall(requests, WorklistTests.TIANPING_STATION, "OTHER", Map.of(), "NORMAL", phone)
                .id();
    }

    void set(
            long id,
            String priority,
            String status,
            Instant firstContactDue,
            Instant contactedAt,
            Instant resolutionDue) {
        jdbc.sql("""
                update requests_help_request set priority = ?, status = ?, first_contact_due = ?, first_contact_at = ?,
                    resolution_due = ? where id = ?""")
                .params(
                        priority,
                        status,
                        Timestamp.from(firstContactDue),
                        contactedAt == null ? null : Timestamp.from(contactedAt),
                        Timestamp.from(resolutionDue),
                        id)
                .update();
    }

    @Test
    void theMostUrgentComeFirstOnEveryPageTheApiAndTheExport() {
        String phone = phone();
        Instant now = Instant.now();
        long closedOld = record(phone);
        long p3Later = record(phone);
        long p1Soon = record(phone);
        long p3Overdue = record(phone);
        long acceptedP2 = record(phone);
        long p1Later = record(phone);
        long closedNew = record(phone);
        set(closedOld, "P1", "CLOSED", now.minus(Duration.ofDays(3)), null, now.minus(Duration.ofDays(2)));
        set(p3Later, "P3", "TRIAGED", now.plus(Duration.ofHours(11)), null, now.plus(Duration.ofHours(70)));
        set(p1Soon, "P1", "TRIAGED", now.plus(Duration.ofMinutes(23)), null, now.plus(Duration.ofHours(24)));
        set(p3Overdue, "P3", "SUBMITTED", now.minus(Duration.ofMinutes(10)), null, now.plus(Duration.ofHours(60)));
        // contacted: its first-contact deadline has passed but no longer matters; resolution is due in 5 minutes
        set(
                acceptedP2,
                "P2",
                "ACCEPTED",
                now.minus(Duration.ofHours(1)),
                now.minus(Duration.ofHours(2)),
                now.plus(Duration.ofMinutes(5)));
        set(p1Later, "P1", "ASSIGNED", now.plus(Duration.ofHours(11)), null, now.plus(Duration.ofHours(35)));
        set(closedNew, "P4", "RESOLVED", now.minus(Duration.ofDays(1)), null, now.plus(Duration.ofDays(1)));
        List<Long> urgent = List.of(p3Overdue, acceptedP2, p1Soon, p1Later, p3Later, closedNew, closedOld);

        WorklistFilter mine = WorklistFilter.all().withPhone(PhoneNumber.parse(phone));
        List<Long> walked = new ArrayList<>();
        Long after = null;
        int pages = 0;
        do {
            WorklistPage page = page(mine.withCursor(after).withSize(2));
            page.rows().forEach(r -> walked.add(r.id()));
            after = page.next();
            pages++;
        } while (after != null && pages < 10);
        assertThat(walked).as("keyset pages of 2 in the urgency order").containsExactlyElementsOf(urgent);
        assertThat(pages).isEqualTo(4);
        assertThat(page(mine.withSize(100)).rows().get(0).overdue()).isTrue();

        List<Long> exported = new ArrayList<>();
        WorklistTests.TIANPING_STATION.run(() -> worklist.export(mine, r -> exported.add(r.id())));
        assertThat(exported).as("the export").containsExactlyElementsOf(urgent);

        assertThat(mvc.get()
                        .uri("/api/v1/help-requests")
                        .param("phone", phone)
                        .param("size", "100")
                        .with(WorklistTests.TIANPING_STATION.request()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.rows[*].id")
                .asArray()
                .containsExactlyElementsOf(urgent.stream().map(Long::intValue).toList());

        List<Long> newest = page(mine.withOrder(WorklistOrder.NEWEST).withSize(100)).rows().stream()
                .map(HelpRequestRow::id)
                .toList();
        assertThat(newest).containsExactly(closedNew, p1Later, acceptedP2, p3Overdue, p1Soon, p3Later, closedOld);
        WorklistPage oldestFirst = page(mine.withOrder(WorklistOrder.OLDEST).withSize(3));
        assertThat(page(mine.withOrder(WorklistOrder.OLDEST)
                                .withCursor(oldestFirst.next())
                                .withSize(3))
                        .rows())
                .extracting(HelpRequestRow::id)
                .containsExactly(p3Overdue, acceptedP2, p1Later);

        // "my requests" of an assignee (the test principal's account is -1)
        jdbc.sql("update requests_help_request set worker_account_id = -1 where id in (:ids)")
                .param("ids", urgent)
                .update();
        assertThat(Staff.as(Role.SOCIAL_WORKER)
                        .in(RequestTestData.TIANPING)
                        .call(() -> worklist.mine(mine.withSize(100)))
                        .rows())
                .extracting(HelpRequestRow::id)
                .containsExactlyElementsOf(urgent);

        // the page's column headers offer the other orders, and the pager keeps the chosen one
        assertThat(mvc.get()
                        .uri("/requests")
                        .param("phone", phone)
                        .param("sort", "newest")
                        .param("size", "2")
                        .with(WorklistTests.TIANPING_STATION.request()))
                .hasStatusOk()
                .bodyText()
                .contains("sort=oldest")
                .contains("sort=newest&amp;after=");
    }

    WorklistPage page(WorklistFilter f) {
        return WorklistTests.TIANPING_STATION.call(() -> worklist.worklist(f));
    }

    /**
     * The test database is too small for the planner to prefer an index; with the alternatives priced out, the
     * page's query (order and keyset condition as WorklistQueries writes them) must be able to walk the urgency
     * index in order, with the cursor as an index condition (the benchmark measures the choice at 10,000,000).
     */
    @Test
    void theFirstPageCanUseTheUrgencyIndex() {
        String plan = tx.execute(s -> {
            jdbc.sql("set local enable_seqscan = off").update();
            jdbc.sql("set local enable_bitmapscan = off").update();
            jdbc.sql("set local enable_sort = off").update();
            return String.join("\n", jdbc.sql("""
                    explain select id from requests_help_request
                    where region_code >= '310104' and region_code < '310105' and work_due is not null
                    order by work_due, priority, id limit 21""").query(String.class).list());
        });
        assertThat(plan).contains("requests_help_request_urgency_idx").doesNotContain("Sort");
        String next = tx.execute(s -> {
            jdbc.sql("set local enable_seqscan = off").update();
            jdbc.sql("set local enable_bitmapscan = off").update();
            jdbc.sql("set local enable_sort = off").update();
            return String.join("\n", jdbc.sql("""
                    explain select id from requests_help_request
                    where region_code >= '310104' and region_code < '310105' and work_due is not null
                      and (work_due, priority, id) > (now(), 'P2', 5)
                    order by work_due, priority, id limit 21""").query(String.class).list());
        });
        assertThat(next)
                .as("the keyset condition is an index condition")
                .contains("Index Cond: (ROW(work_due, priority, id) >");
    }
}
