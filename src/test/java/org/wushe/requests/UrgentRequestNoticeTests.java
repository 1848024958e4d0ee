package org.wushe.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.access.StaffPrincipal;
import org.wushe.requests.casework.HelpRequestCases;
import org.wushe.requests.casework.HelpRequestViews;
import org.wushe.requests.intake.HelpRequests;
import org.wushe.requests.intake.Submission;
import org.wushe.requests.worklist.HelpRequestRow;
import org.wushe.requests.worklist.Worklist;
import org.wushe.requests.worklist.WorklistFilter;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;

/**
 * Issue 15 item 2: a new P1 (or any request due for first contact within 30 minutes) posts an inbox notice at once
 * to the station and community staff covering its place, and the worklist marks the P1s a viewer has not opened.
 */
@WusheIntegrationTest
class UrgentRequestNoticeTests {

    static final Staff RECORDER =
            Staff.as(Role.STATION_STAFF).in(RequestTestData.TIANPING).named("urgent-recorder");

    @Autowired
    Accounts accounts;

    @Autowired
    HelpRequests requests;

    @Autowired
    HelpRequestCases cases;

    @Autowired
    HelpRequestViews views;

    @Autowired
    Worklist worklist;

    @Autowired
    JdbcClient jdbc;

    long account(String prefix, Role role, String region) {
        String username = prefix + System.nanoTime() % 10_000_000;
        return Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .wholeCountry()
                .call(() -> accounts.create(new NewAccount(
                        username, username, null, Set.of(role), DataScope.of(List.of(RegionCode.parse(region))))))
                .accountId();
    }

    static <T> T as(StaffPrincipal principal, Supplier<T> work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal,
                null,
                principal.roles().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    List<Long> told(long requestId) {
        return jdbc.sql("select account_id from notify_inbox where message_key = 'requests.inbox.urgent' and link = ?"
                        + " order by account_id")
                .param("/requests/" + requestId)
                .query(Long.class)
                .list();
    }

    @Test
    void aP1ReachesTheStationAndCommunityStaffOfItsPlaceAtOnce() {
        long station = account("ustation", Role.STATION_STAFF, RequestTestData.TIANPING);
        long community = account("ucommunity", Role.COMMUNITY_STAFF, RequestTestData.TIANPING);
        long elsewhere = account("uelsewhere", Role.STATION_STAFF, RequestTestData.HUANGPU_STREET);
        long worker = account("uworker", Role.SOCIAL_WORKER, RequestTestData.TIANPING);

        Submission p1 = RequestTestData.recordCall(
                requests,
                RECORDER,
                "DIALYSIS",
                Map.of("dialysisDueWithin24h", true),
                "URGENT",
                RequestTestData.phone());
        assertThat(p1.priority()).isEqualTo(Priority.P1);
        assertThat(told(p1.id())).contains(station, community).doesNotContain(elsewhere, worker);
        String args = jdbc.sql("select array_to_string(args, '|') from notify_inbox where account_id = ? and link = ?")
                .params(station, "/requests/" + p1.id())
                .query(String.class)
                .single();
        assertThat(args)
                .startsWith(TrackingCodes.display(p1.trackingCode()) + "|P1|")
                .matches(".*\\|(29|30)$");

        Submission p4 =
                RequestTestData.recordCall(requests, RECORDER, "OTHER", Map.of(), "NORMAL", RequestTestData.phone());
        assertThat(told(p4.id())).as("not urgent: no notice").isEmpty();
        // raised to P1 by triage: now it is
        RECORDER.run(() -> cases.triage(p4.id(), Priority.P1));
        assertThat(told(p4.id())).contains(station, community);
    }

    @Test
    void aFirstContactDueWithinHalfAnHourIsUrgentWhateverThePriority() {
        assertThat(UrgentRequests.urgent(Priority.P3, Instant.now().plusSeconds(29 * 60), Instant.now()))
                .isTrue();
        assertThat(UrgentRequests.urgent(Priority.P2, Instant.now().plusSeconds(120 * 60), Instant.now()))
                .isFalse();
    }

    @Test
    void theWorklistMarksTheP1sTheViewerHasNotOpened() {
        String phone = RequestTestData.phone();
        Submission p1 = RequestTestData.recordCall(
                requests, RECORDER, "DIALYSIS", Map.of("dialysisDueWithin24h", true), "URGENT", phone);
        Submission p4 = RequestTestData.recordCall(requests, RECORDER, "OTHER", Map.of(), "NORMAL", phone);
        long me = account("useen", Role.STATION_STAFF, RequestTestData.TIANPING);
        StaffPrincipal viewer = new StaffPrincipal(
                me,
                "useen",
                "useen",
                Set.of(Role.STATION_STAFF),
                DataScope.of(List.of(RegionCode.parse(RequestTestData.TIANPING))));
        WorklistFilter mine = WorklistFilter.all().withPhone(PhoneNumber.parse(phone));
        assertThat(as(viewer, () -> worklist.worklist(mine)).rows())
                .extracting(HelpRequestRow::id, HelpRequestRow::unseen)
                .containsExactly(Tuple.tuple(p1.id(), true), Tuple.tuple(p4.id(), false));
        as(viewer, () -> views.details(p1.id()) != null);
        as(viewer, () -> views.details(p4.id()) != null);
        assertThat(jdbc.sql("select request_id from requests_seen where account_id = ?")
                        .param(me)
                        .query(Long.class)
                        .list())
                .as("only the open P1 is recorded as seen: opening another request writes nothing")
                .containsExactly(p1.id());
        assertThat(as(viewer, () -> worklist.worklist(mine)).rows())
                .extracting(HelpRequestRow::unseen)
                .containsOnly(false);
        // another account has still not opened it
        assertThat(RECORDER.call(() -> worklist.worklist(mine)).rows().get(0).unseen())
                .isTrue();
    }
}
