package org.wushe.requests.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.requests.RequestTestData.TIANPING;
import static org.wushe.requests.RequestTestData.phone;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.socialworkers.SocialWorkers;
import org.wushe.requests.RequestFixtures;
import org.wushe.requests.RequestTestData;
import org.wushe.requests.casework.HelpRequestCases;
import org.wushe.requests.intake.HelpRequests;
import org.wushe.requests.intake.Submission;

/**
 * The worklist's social-worker filter (issue 15 item 4): chosen with the directory's picker (scoped: a station
 * never finds another street's workers), filtered in SQL by the worker's id, a name typed without script resolved,
 * and a name that names nobody said under the field with the other filters kept — never a 400 page.
 */
@WusheIntegrationTest
class WorklistWorkerPickerTests {

    static final Staff TIANPING_STATION =
            Staff.as(Role.STATION_STAFF).in(TIANPING).named("tianping-worker-filter");

    @Autowired
    HelpRequests requests;

    @Autowired
    HelpRequestCases cases;

    @Autowired
    SocialWorkers socialWorkers;

    @Autowired
    MockMvcTester mvc;

    @Test
    void theWorklistFiltersByOneSocialWorkerChosenByName() {
        String m = "筛" + (char) ('甲' + System.nanoTime() % 300);
        long mine = RequestFixtures.socialWorker(socialWorkers, "韩" + m + "梅", TIANPING, "COMMUNITY");
        long otherStreet = RequestFixtures.socialWorker(socialWorkers, "韩" + m + "雪", "310101002", "COMMUNITY");
        Submission assigned =
                RequestTestData.recordCall(requests, TIANPING_STATION, "FOOD_SUPPLIES", Map.of(), "NORMAL", phone());
        Submission other =
                RequestTestData.recordCall(requests, TIANPING_STATION, "FOOD_SUPPLIES", Map.of(), "NORMAL", phone());
        TIANPING_STATION.run(() -> cases.assign(assigned.id(), null, mine, null));

        // the picker the filter uses: the station's street only
        assertThat(mvc.get().uri("/social-workers/picker").param("q", "韩" + m).with(TIANPING_STATION.request()))
                .hasStatusOk()
                .bodyText()
                .contains("韩" + m + "梅")
                .doesNotContain("韩" + m + "雪");

        // by id (what the picker submits): only that worker's requests, the name in the field
        assertThat(mvc.get()
                        .uri("/requests")
                        .param("worker", Long.toString(mine))
                        .with(TIANPING_STATION.request()))
                .hasStatusOk()
                .bodyText()
                .contains(assigned.trackingCode(), "韩" + m + "梅")
                .doesNotContain(other.trackingCode());

        // by exact name without script: resolved to the same worker
        assertThat(mvc.get().uri("/requests").param("worker", "韩" + m + "梅").with(TIANPING_STATION.request()))
                .hasStatusOk()
                .bodyText()
                .contains(assigned.trackingCode())
                .doesNotContain(other.trackingCode());

        // a worker of another street by name: unknown, said under the field; the other filters stay as typed
        assertThat(mvc.get()
                        .uri("/requests")
                        .param("worker", "韩" + m + "雪")
                        .param("code", "ABC")
                        .with(TIANPING_STATION.request()))
                .hasStatusOk()
                .bodyText()
                .contains("您的数据范围内没有名为“韩" + m + "雪”的社工")
                .doesNotContain(assigned.trackingCode());
        assertThat(otherStreet).isPositive();
    }
}
