package org.wushe.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.RegionCode;

/**
 * Who is offered for a place: local people first even when the district has more people than are shown, then
 * the rest of the district; a pool sampled by key when more people are local than fit; nobody from another
 * district; volunteers only once approved; and who may be assigned at all.
 */
@WusheIntegrationTest
class DispatchCandidatesTests {

    // A district of its own (the codes need not be in the region table), so other tests' people do not mix in.
    private static final String DISTRICT =
            "659" + (100 + ThreadLocalRandom.current().nextInt(900));
    private static final RegionCode PLACE = RegionCode.parse(DISTRICT + "001001");
    private static final String OTHER_STREET = DISTRICT + "002";

    @Autowired
    DispatchCandidates candidates;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CryptoService crypto;

    @Test
    void localSocialWorkersComeFirstEvenBeyondThePool() {
        for (int i = 0; i < DispatchCandidates.POOL + 20; i++) {
            worker("远" + i, OTHER_STREET + "001");
        }
        long living = worker("住本社区", PLACE.value());
        long serving = worker("服务本街道", OTHER_STREET + "003");
        jdbc.sql("insert into directory_social_worker_region (social_worker_id, region_code) values (?, ?)")
                .params(serving, DISTRICT + "001")
                .update();
        long elsewhere = worker("别区", "659099001001");

        List<DispatchCandidates.Person> people =
                asStation(() -> candidates.pools(PLACE, 1).socialWorkers());

        assertThat(people).hasSize(DispatchCandidates.POOL);
        assertThat(people.subList(0, 2))
                .extracting(DispatchCandidates.Person::id)
                .containsExactly(living, serving);
        assertThat(people.subList(0, 2)).allMatch(DispatchCandidates.Person::local);
        assertThat(people.subList(2, people.size())).noneMatch(DispatchCandidates.Person::local);
        assertThat(people).extracting(DispatchCandidates.Person::id).doesNotContain(elsewhere);
    }

    @Test
    void whenMoreAreLocalThanFitTheKeyPicksASampleThatIsStableForTheSameKey() {
        RegionCode crowded = RegionCode.parse(DISTRICT + "005001");
        Set<Long> everyone = new HashSet<>();
        for (int i = 0; i < DispatchCandidates.POOL * 3; i++) {
            everyone.add(worker("近" + i, crowded.value()));
        }

        Set<Long> first = ids(asStation(() -> candidates.pools(crowded, 7).socialWorkers()));
        Set<Long> again = ids(asStation(() -> candidates.pools(crowded, 7).socialWorkers()));
        Set<Long> other = ids(asStation(() -> candidates.pools(crowded, 8).socialWorkers()));

        assertThat(first).hasSize(DispatchCandidates.POOL).isEqualTo(again);
        assertThat(everyone).containsAll(first).containsAll(other);
        assertThat(other).isNotEqualTo(first);
        // not the oldest records every time: the lowest ids are not what a sample is made of
        assertThat(first)
                .isNotEqualTo(everyone.stream()
                        .sorted()
                        .limit(DispatchCandidates.POOL)
                        .collect(Collectors.toSet()));
    }

    @Test
    void onlyApprovedVolunteersAndLocalOnesFirst() {
        long far = volunteer("远志", OTHER_STREET + "001", "APPROVED");
        long local = volunteer("近志", PLACE.value(), "APPROVED");
        long pending = volunteer("待审", PLACE.value(), "PENDING");

        List<DispatchCandidates.Person> people =
                asStation(() -> candidates.pools(PLACE, 1).volunteers());

        assertThat(people).extracting(DispatchCandidates.Person::id).containsExactly(local, far);
        assertThat(people).extracting(DispatchCandidates.Person::local).containsExactly(true, false);
        assertThat(people).extracting(DispatchCandidates.Person::id).doesNotContain(pending);
    }

    @Test
    void anyoneLocalOrInTheDistrictCanBeAssignedButNobodyElse() {
        long local = worker("本地", PLACE.value());
        long district = worker("同区", OTHER_STREET + "009");
        long serving = worker("外区服务", "659099002002");
        jdbc.sql("insert into directory_social_worker_region (social_worker_id, region_code) values (?, ?)")
                .params(serving, PLACE.value())
                .update();
        long elsewhere = worker("外区", "659099001001");
        long pending = volunteer("待审", PLACE.value(), "PENDING");
        long approved = volunteer("已审", OTHER_STREET + "001", "APPROVED");

        assertThat(asStation(() -> candidates.socialWorker(PLACE, local)))
                .get()
                .matches(DispatchCandidates.Person::local);
        assertThat(asStation(() -> candidates.socialWorker(PLACE, district)))
                .get()
                .matches(p -> !p.local());
        assertThat(asStation(() -> candidates.socialWorker(PLACE, serving)))
                .get()
                .matches(DispatchCandidates.Person::local);
        assertThat(asStation(() -> candidates.socialWorker(PLACE, elsewhere))).isEmpty();
        assertThat(asStation(() -> candidates.volunteer(PLACE, pending))).isEmpty();
        assertThat(asStation(() -> candidates.volunteer(PLACE, approved)))
                .get()
                .extracting(DispatchCandidates.Person::name)
                .isEqualTo("已审");
    }

    @Test
    void anOrganisationIsFoundByIdWhereverItStandsInTheList() {
        for (int i = 0; i < DispatchCandidates.LIMIT + 5; i++) {
            organisation("站" + i, "STATION", OTHER_STREET + "001");
        }
        long last = organisation("站999", "STATION", OTHER_STREET + "009"); // sorts after 站0 … 站304
        long wrongKind = organisation("协会", "ASSOCIATION", PLACE.value());
        long elsewhere = organisation("外区站", "STATION", "659099001001");
        Set<OrgType> stations = Set.of(OrgType.STATION);

        assertThat(asStation(() -> candidates.organisations(PLACE, stations)))
                .hasSize(DispatchCandidates.LIMIT)
                .extracting(DispatchCandidates.Organisation::id)
                .doesNotContain(last);
        assertThat(asStation(() -> candidates.organisation(PLACE, stations, last)))
                .get()
                .extracting(DispatchCandidates.Organisation::name)
                .isEqualTo("站999");
        assertThat(asStation(() -> candidates.organisation(PLACE, stations, wrongKind)))
                .isEmpty();
        assertThat(asStation(() -> candidates.organisation(PLACE, stations, elsewhere)))
                .isEmpty();
    }

    private long organisation(String name, String type, String region) {
        return jdbc.sql("insert into directory_organisation (type, name, region_code, created_by)"
                        + " values (?, ?, ?, 'test') returning id")
                .params(type, name, region)
                .query(Long.class)
                .single();
    }

    private static <T> T asStation(Callable<T> call) {
        return Staff.as(Role.STATION_STAFF).in(DISTRICT).call(call);
    }

    private static Set<Long> ids(List<DispatchCandidates.Person> people) {
        return people.stream().map(DispatchCandidates.Person::id).collect(Collectors.toSet());
    }

    private long worker(String name, String region) {
        return jdbc.sql("""
                insert into directory_social_worker (name, id_number_cipher, id_number_index, sex, birth_date,
                                                     region_code, created_by)
                values (?, ?, gen_random_bytes(32), 'FEMALE', date '1990-01-01', ?, 'test') returning id""")
                .params(name, crypto.encrypt("310104199001011234", "directory_social_worker", "id_number"), region)
                .query(Long.class)
                .single();
    }

    private long volunteer(String name, String region, String status) {
        return jdbc.sql("""
                insert into directory_volunteer (name, id_number_cipher, id_number_index, sex, birth_date, phone_cipher,
                                                 phone_index, region_code, consent_version, consented_at, status,
                                                 passport_no)
                values (?, ?, gen_random_bytes(32), 'MALE', date '1990-01-01', ?, gen_random_bytes(32), ?,
                        'v1', now(), ?, case when ? = 'APPROVED' then 'T' || substr(md5(random()::text), 1, 12) end)
                returning id""")
                .params(
                        name,
                        crypto.encrypt("310104199001011234", "directory_volunteer", "id_number"),
                        crypto.encrypt("13900000000", "directory_volunteer", "phone"),
                        region,
                        status,
                        status)
                .query(Long.class)
                .single();
    }
}
