package org.wushe.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.shared.RegionCode;

/**
 * Who is offered for a place: local people first even when the district has more people than are shown, then
 * the rest of the district; nobody from another district; volunteers only once approved.
 */
@WusheIntegrationTest
class DispatchCandidatesTests {

    // A district of its own (the codes need not be in the region table), so other tests' people do not mix in.
    private static final String DISTRICT = "659" + (100 + ThreadLocalRandom.current().nextInt(900));
    private static final RegionCode PLACE = RegionCode.parse(DISTRICT + "001001");
    private static final String OTHER_STREET = DISTRICT + "002";

    @Autowired
    DispatchCandidates candidates;
    @Autowired
    JdbcClient jdbc;

    @Test
    void localSocialWorkersComeFirstEvenBeyondTheLimit() {
        for (int i = 0; i < DispatchCandidates.LIMIT + 20; i++) {
            worker("远" + i, OTHER_STREET + "001");
        }
        long living = worker("住本社区", PLACE.value());
        long serving = worker("服务本街道", OTHER_STREET + "003");
        jdbc.sql("insert into directory_social_worker_region (social_worker_id, region_code) values (?, ?)")
                .params(serving, DISTRICT + "001").update();
        long elsewhere = worker("别区", "659099001001");

        List<DispatchCandidates.Person> people = Staff.as(Role.STATION_STAFF).in(DISTRICT)
                .call(() -> candidates.socialWorkers(PLACE));

        assertThat(people).hasSize(DispatchCandidates.LIMIT);
        assertThat(people.subList(0, 2)).extracting(DispatchCandidates.Person::id).containsExactly(living, serving);
        assertThat(people.subList(0, 2)).allMatch(DispatchCandidates.Person::local);
        assertThat(people.subList(2, people.size())).noneMatch(DispatchCandidates.Person::local);
        assertThat(people).extracting(DispatchCandidates.Person::id).doesNotContain(elsewhere);
        assertThat(people.subList(2, people.size())).extracting(DispatchCandidates.Person::id).isSorted();
    }

    @Test
    void onlyApprovedVolunteersAndLocalOnesFirst() {
        long far = volunteer("远志", OTHER_STREET + "001", "APPROVED");
        long local = volunteer("近志", PLACE.value(), "APPROVED");
        long pending = volunteer("待审", PLACE.value(), "PENDING");

        List<DispatchCandidates.Person> people = Staff.as(Role.STATION_STAFF).in(DISTRICT)
                .call(() -> candidates.volunteers(PLACE));

        assertThat(people).extracting(DispatchCandidates.Person::id).containsExactly(local, far);
        assertThat(people).extracting(DispatchCandidates.Person::local).containsExactly(true, false);
        assertThat(people).extracting(DispatchCandidates.Person::id).doesNotContain(pending);
    }

    private long worker(String name, String region) {
        return jdbc.sql("""
                insert into directory_social_worker (name, id_number_cipher, id_number_index, sex, birth_date,
                                                     region_code, created_by)
                values (?, '\\x00', gen_random_bytes(32), 'FEMALE', date '1990-01-01', ?, 'test') returning id""")
                .params(name, region).query(Long.class).single();
    }

    private long volunteer(String name, String region, String status) {
        return jdbc.sql("""
                insert into directory_volunteer (name, id_number_cipher, id_number_index, sex, birth_date, phone_cipher,
                                                 phone_index, region_code, consent_version, consented_at, status,
                                                 passport_no)
                values (?, '\\x00', gen_random_bytes(32), 'MALE', date '1990-01-01', '\\x00', gen_random_bytes(32), ?,
                        'v1', now(), ?, case when ? = 'APPROVED' then 'T' || substr(md5(random()::text), 1, 12) end)
                returning id""")
                .params(name, region, status, status).query(Long.class).single();
    }
}
