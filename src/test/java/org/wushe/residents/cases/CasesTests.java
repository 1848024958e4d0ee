package org.wushe.residents.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.wushe.residents.ResidentTestData.A;
import static org.wushe.residents.ResidentTestData.draft;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.access.StaffPrincipal;
import org.wushe.region.Regions;
import org.wushe.residents.ResidentTestData;
import org.wushe.residents.register.Residents;
import org.wushe.residents.visits.VisitKind;
import org.wushe.residents.visits.Visits;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** Case work: stages in order only, notes for the worker, supervisor and admins in scope, every reading audited. */
@WusheIntegrationTest
class CasesTests {

    static final AtomicInteger N = new AtomicInteger();
    static final Staff ADMIN = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().named("cases-test-admin");

    @Autowired
    Residents residents;

    @Autowired
    Cases cases;

    @Autowired
    Accounts accounts;

    @Autowired
    Visits visits;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @BeforeEach
    void communities() {
        ResidentTestData.communities(regions);
    }

    /** A real account and the staff member signed in with it. */
    record Person(long id, Signed staff) {}

    /** Runs work as one real account (Staff's principals carry no account id). */
    record Signed(StaffPrincipal principal) {

        <T> T call(Callable<T> work) {
            var previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                    principal,
                    null,
                    principal.roles().stream()
                            .map(r -> new SimpleGrantedAuthority(r.authority()))
                            .toList())));
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        }

        void run(Runnable work) {
            call(() -> {
                work.run();
                return null;
            });
        }
    }

    Person person(Role role, String region) {
        return person(role, region, "测试");
    }

    Person person(Role role, String region, String displayName) {
        String username = "case" + role.name().toLowerCase().substring(0, 4) + System.nanoTime() % 10_000_000
                + N.incrementAndGet();
        long id = ADMIN.call(() -> accounts.create(new NewAccount(
                        username, displayName, null, Set.of(role), DataScope.of(List.of(RegionCode.parse(region))))))
                .accountId();
        return new Person(
                id,
                new Signed(new StaffPrincipal(
                        id, username, username, Set.of(role), DataScope.of(List.of(RegionCode.parse(region))))));
    }

    @Test
    void caseTransitionsFollowMzT094InOrderOnly() {
        Person worker = person(Role.SOCIAL_WORKER, "310104");
        Person supervisor = person(Role.STATION_STAFF, A.substring(0, 9));
        long rid = Staff.as(Role.COMMUNITY_STAFF).in(A).call(() -> residents.create(draft("何建平", A)));
        long caseId = Staff.as(Role.COMMUNITY_STAFF)
                .in(A)
                .call(() -> cases.open(rid, "独居老人心理支持", worker.id(), supervisor.id()));
        assertThat(worker.staff().call(() -> cases.get(caseId)).stage()).isEqualTo(CaseStage.INTAKE);

        InvalidValueException skip = (InvalidValueException) Assertions.catchThrowable(
                () -> worker.staff().call(() -> cases.advance(caseId, CaseStage.PLAN)));
        assertThat(skip.messageKey()).isEqualTo("residents.case.transition.outOfOrder");
        assertThat(messages.getMessage(skip.messageKey(), skip.arguments(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("个案当前处于“接案”阶段，不能直接进入“计划”；下一步只能是“预估”。");

        for (CaseStage s :
                List.of(CaseStage.ASSESSMENT, CaseStage.PLAN, CaseStage.INTERVENTION, CaseStage.EVALUATION)) {
            assertThat(worker.staff().call(() -> cases.advance(caseId, s)).stage())
                    .isEqualTo(s);
        }
        assertThatThrownBy(() -> worker.staff().call(() -> cases.advance(caseId, CaseStage.INTERVENTION)))
                .hasMessageContaining("outOfOrder");
        CaseDetails closed = supervisor.staff().call(() -> cases.advance(caseId, CaseStage.CLOSED));
        assertThat(closed.stage()).isEqualTo(CaseStage.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.transitions()).extracting(CaseDetails.Transition::to).containsExactly(CaseStage.values());
        assertThatThrownBy(() -> worker.staff().call(() -> cases.advance(caseId, CaseStage.CLOSED)))
                .hasMessageContaining("transition.closed");
    }

    @Test
    void notesAreForTheWorkerTheSupervisorAndAdminsInScopeOnly() {
        Person worker = person(Role.SOCIAL_WORKER, "310104");
        Person otherWorker = person(Role.SOCIAL_WORKER, "310104");
        Person supervisor = person(Role.STATION_STAFF, A.substring(0, 9));
        Person community = person(Role.COMMUNITY_STAFF, A);
        Person xuhuiAdmin = person(Role.CIVIL_AFFAIRS_ADMIN, "310104");
        Person huangpuAdmin = person(Role.CIVIL_AFFAIRS_ADMIN, "310101");
        long rid = community.staff().call(() -> residents.create(draft("韩素梅", A)));
        long caseId = community.staff().call(() -> cases.open(rid, "困境家庭帮扶", worker.id(), supervisor.id()));
        worker.staff().run(() -> cases.addNote(caseId, "案主情绪低落，已约定每周面谈"));

        assertThat(worker.staff().call(() -> cases.notes(caseId)))
                .extracting(CaseNote::body)
                .containsExactly("案主情绪低落，已约定每周面谈");
        assertThat(supervisor.staff().call(() -> cases.notes(caseId))).hasSize(1);
        assertThat(xuhuiAdmin.staff().call(() -> cases.notes(caseId))).hasSize(1);
        assertThatThrownBy(() -> otherWorker.staff().call(() -> cases.notes(caseId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> community.staff().call(() -> cases.notes(caseId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> huangpuAdmin.staff().call(() -> cases.notes(caseId)))
                .isInstanceOf(CaseNotFoundException.class);
        assertThat(community.staff().call(() -> cases.get(caseId)).canSeeNotes())
                .isFalse();
        assertThatThrownBy(() -> otherWorker.staff().run(() -> cases.advance(caseId, CaseStage.ASSESSMENT)))
                .hasMessageContaining("participantsOnly");
        byte[] stored = jdbc.sql("select body_cipher from residents_case_note where case_id = ?")
                .param(caseId)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("案主");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql(
                                        "select count(*) from audit_entry"
                                                + " where entity_type = 'resident_case' and entity_id = ? and action = 'VIEW_SENSITIVE'")
                                .param(Long.toString(caseId))
                                .query(Long.class)
                                .single()
                        == 3);
    }

    @Test
    void theCaseAndVisitPagesNameWhoActedNotTheirUsernames() {
        Person community = person(Role.COMMUNITY_STAFF, A, "社区干事乙");
        Person worker = person(Role.SOCIAL_WORKER, "310104", "个案社工甲");
        long rid = community.staff().call(() -> residents.create(draft("邵文英", A)));
        long caseId = community.staff().call(() -> cases.open(rid, "独居老人陪伴", worker.id(), null));
        worker.staff().run(() -> cases.addNote(caseId, "已首次面谈"));
        community.staff().run(() -> visits.record(rid, VisitKind.PHONE, null, null));
        String communityUser = community.staff().principal().username();
        String workerUser = worker.staff().principal().username();

        assertThat(mvc.get().uri("/residents/cases/" + caseId).with(ADMIN.request()))
                .hasStatusOk()
                .bodyText()
                .contains("已首次面谈", "· 社区干事乙", "· 个案社工甲")
                .doesNotContain(communityUser, workerUser);
        assertThat(mvc.get().uri("/residents/" + rid + "/visits").with(ADMIN.request()))
                .hasStatusOk()
                .bodyText()
                .contains("社区干事乙")
                .doesNotContain(communityUser);
        assertThat(mvc.get().uri("/residents/" + rid).with(ADMIN.request()))
                .hasStatusOk()
                .bodyText()
                .contains("社区干事乙")
                .doesNotContain(communityUser);
    }

    @Test
    void aCaseNeedsAWorkerCoveringTheCommunity() {
        Person outsider = person(Role.SOCIAL_WORKER, "310101");
        long rid = Staff.as(Role.COMMUNITY_STAFF).in(A).call(() -> residents.create(draft("罗志刚", A)));
        assertThatThrownBy(() ->
                        Staff.as(Role.COMMUNITY_STAFF).in(A).call(() -> cases.open(rid, "x", outsider.id(), null)))
                .hasMessageContaining("worker.unknown");
        assertThatThrownBy(() -> Staff.as(Role.COMMUNITY_STAFF).in(A).call(() -> cases.open(rid, " ", null, null)))
                .hasMessageContaining("title.required");
    }
}
