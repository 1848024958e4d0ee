package org.wushe.requests.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.wushe.requests.RequestTestData.TIANPING;
import static org.wushe.requests.RequestTestData.phone;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.requests.HelpRequestNotFoundException;
import org.wushe.requests.Priority;
import org.wushe.requests.RequestTestData;
import org.wushe.requests.casework.HelpRequestCases;
import org.wushe.requests.casework.HelpRequestViews;
import org.wushe.requests.intake.HelpRequests;
import org.wushe.requests.intake.Submission;
import org.wushe.shared.PhoneNumber;

/** The worklist against the real database: scoped by the caller's region, filtered, paged by keyset. */
@WusheIntegrationTest
class WorklistTests {

    static final Staff TIANPING_STATION =
            Staff.as(Role.STATION_STAFF).in(TIANPING).named("tianping-cases");
    static final Staff HUANGPU_STATION =
            Staff.as(Role.STATION_STAFF).in("310101").named("huangpu-cases");

    @Autowired
    HelpRequests requests;

    @Autowired
    Worklist worklist;

    @Autowired
    HelpRequestViews views;

    @Autowired
    HelpRequestCases cases;

    @Autowired
    MockMvcTester mvc;

    Submission record(String category, Map<String, Boolean> answers, String urgency, String phone) {
        return RequestTestData.recordCall(requests, TIANPING_STATION, category, answers, urgency, phone);
    }

    @Test
    void aWorkerOfAnotherStreetNeverSeesIt() {
        String phone = phone();
        Submission s = record("DIALYSIS", Map.of("dialysisDueWithin24h", true), "URGENT", phone);
        WorklistFilter byPhone = WorklistFilter.all().withPhone(PhoneNumber.parse(phone));
        assertThat(TIANPING_STATION.call(() -> worklist.worklist(byPhone)).rows())
                .extracting(HelpRequestRow::id)
                .containsExactly(s.id());
        assertThat(HUANGPU_STATION.call(() -> worklist.worklist(byPhone)).rows())
                .isEmpty();
        assertThat(HUANGPU_STATION
                        .call(() -> worklist.worklist(WorklistFilter.all()))
                        .rows())
                .extracting(HelpRequestRow::id)
                .doesNotContain(s.id());
        assertThatThrownBy(() -> HUANGPU_STATION.run(() -> views.details(s.id())))
                .isInstanceOf(HelpRequestNotFoundException.class);
        assertThatThrownBy(() -> HUANGPU_STATION.run(() -> cases.triage(s.id(), Priority.P4)))
                .isInstanceOf(HelpRequestNotFoundException.class);
        assertThat(mvc.get().uri("/api/v1/help-requests/" + s.id()).with(HUANGPU_STATION.request()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/requests/" + s.id()).with(HUANGPU_STATION.request()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/help-requests").param("phone", phone).with(HUANGPU_STATION.request()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.rows")
                .asArray()
                .isEmpty();
        assertThat(mvc.get().uri("/api/v1/help-requests/" + s.id()).with(TIANPING_STATION.request()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.maskedPhone")
                .asString()
                .contains("****");
        // the searchable address finds it; the flat number is not searchable
        WorklistFilter byAddress = WorklistFilter.all().withAddress("天平路88号").withSize(500);
        assertThat(TIANPING_STATION.call(() -> worklist.worklist(byAddress)).rows())
                .extracting(HelpRequestRow::id)
                .contains(s.id());
        assertThat(HUANGPU_STATION.call(() -> worklist.worklist(byAddress)).rows())
                .extracting(HelpRequestRow::id)
                .doesNotContain(s.id());
        WorklistFilter byCode =
                WorklistFilter.all().withTrackingCode(s.trackingCode().toLowerCase());
        assertThat(TIANPING_STATION.call(() -> worklist.worklist(byCode)).rows())
                .hasSize(1);
    }

    @Test
    void theWorklistPagesByKeyset() {
        for (int i = 0; i < 3; i++) {
            record("OTHER", Map.of(), "NORMAL", phone());
        }
        WorklistPage first = TIANPING_STATION.call(() -> worklist.worklist(
                WorklistFilter.all().withOrder(WorklistOrder.NEWEST).withSize(2)));
        assertThat(first.rows()).hasSize(2);
        assertThat(first.next()).isNotNull();
        WorklistPage second = TIANPING_STATION.call(() -> worklist.worklist(WorklistFilter.all()
                .withOrder(WorklistOrder.NEWEST)
                .withCursor(first.next())
                .withSize(2)));
        assertThat(second.rows().get(0).id()).isLessThan(first.rows().get(1).id());
    }

    @Test
    void onlyARequestFromAPhoneThatAskedWithinTheWeekIsMarkedRelated() {
        String phone = phone();
        Submission first = record("OTHER", Map.of(), "NORMAL", phone);
        Submission again = record("OTHER", Map.of(), "NORMAL", phone);
        WorklistFilter byPhone = WorklistFilter.all().withPhone(PhoneNumber.parse(phone));
        // the "related" badge shows where relatedRequestId is not null: a first request must carry none (not 0)
        assertThat(TIANPING_STATION.call(() -> worklist.worklist(byPhone)).rows())
                .extracting(HelpRequestRow::id, HelpRequestRow::relatedRequestId)
                .containsExactlyInAnyOrder(tuple(first.id(), null), tuple(again.id(), first.id()));
    }
}
