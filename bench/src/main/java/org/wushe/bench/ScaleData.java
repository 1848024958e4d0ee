package org.wushe.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.wushe.privacy.CryptoService;

/**
 * Volumes for the dispatch and worklist scenarios, generated set-wise straight into the product's tables
 * (INSERT … SELECT over generate_series and the Datafaker pools): social workers and approved volunteers over
 * Shanghai's streets, and open help requests, some assigned to them. Encrypted columns hold real SM4
 * ciphertexts of one value per column (made once by the application's CryptoService, so details still decrypt);
 * blind indexes are distinct per row. A table's secondary indexes are dropped for the load and built again
 * afterwards (same definitions), as a bulk load would do; everything generated is marked {@code bench-generator}.
 */
final class ScaleData {

    static final String BY = "bench-generator";
    private static final Logger log = LoggerFactory.getLogger(ScaleData.class);

    private final BenchDatabase db;
    private final CryptoService crypto;
    private final SearchData pools;

    ScaleData(ApplicationContext context, BenchDatabase db, SearchData pools) {
        this.db = db;
        this.crypto = context.getBean(CryptoService.class);
        this.pools = pools;
    }

    /** {@code workers} social workers (10 % off duty) and {@code volunteers} approved volunteers. */
    void people(int workers, int volunteers) {
        long began = System.nanoTime();
        byte[] idCipher = crypto.encrypt("310104199001011234", "directory_social_worker", "id_number");
        byte[] phoneCipher = crypto.encrypt("13900000000", "directory_social_worker", "phone");
        withIndexesRebuilt(
                "directory_social_worker",
                () -> db.jdbc.update(
                        """
                insert into directory_social_worker (name, id_number_cipher, id_number_index, sex, birth_date,
                    phone_cipher, phone_index, qualification, availability, region_code, created_by)
                select n.v, ?, digest('bench-sw-' || g, 'sha256'), case when g % 2 = 0 then 'MALE' else 'FEMALE' end,
                       date '1965-01-01' + (g % 12000)::int, ?, digest('bench-swp-' || g, 'sha256'),
                       (array['NONE','ASSISTANT','SOCIAL_WORKER','SENIOR'])[g % 4 + 1],
                       case when g % 10 = 0 then 'OFF_DUTY' else 'ON_DUTY' end, r.code, ?
                from generate_series(1::bigint, ?::bigint) g
                join bench.pool_region r on r.i = (g * 2654435761) % ?
                join bench.pool_name n on n.i = (g * 40503 + 7) % ?""", idCipher, phoneCipher, BY, workers, pools.regions.size(), pools.names.size()));
        db.jdbc.update("""
                insert into directory_social_worker_specialty (social_worker_id, specialty)
                select id, (array['MEDICAL','COMMUNITY','ELDERLY','PSYCHOLOGICAL','CHILD_YOUTH','FAMILY'])[id % 6 + 1]
                from directory_social_worker where created_by = ?""", BY);
        db.jdbc.update("""
                insert into directory_social_worker_region (social_worker_id, region_code)
                select id, region_code from directory_social_worker where created_by = ?""", BY);
        byte[] vIdCipher = crypto.encrypt("310104199001011234", "directory_volunteer", "id_number");
        byte[] vPhoneCipher = crypto.encrypt("13900000000", "directory_volunteer", "phone");
        withIndexesRebuilt(
                "directory_volunteer",
                () -> db.jdbc.update(
                        """
                insert into directory_volunteer (name, id_number_cipher, id_number_index, sex, birth_date,
                    phone_cipher, phone_index, skills, region_code, consent_version, consented_at, status,
                    reviewed_by, reviewed_at, passport_no)
                select n.v, ?, digest('bench-v-' || g, 'sha256'), case when g % 2 = 0 then 'MALE' else 'FEMALE' end,
                       date '1975-01-01' + (g % 12000)::int, ?, digest('bench-vp-' || g, 'sha256'),
                       case g % 4 when 0 then array['DRIVING','LOGISTICS'] when 1 then array['MEDICAL','CARE']
                                  when 2 then array['COMMUNITY','ELDERLY'] else array['PSYCHOLOGICAL','CHILD_YOUTH'] end,
                       r.code, 'bench', now(), 'APPROVED', ?, now(), 'BENCH' || lpad(g::text, 10, '0')
                from generate_series(1::bigint, ?::bigint) g
                join bench.pool_region r on r.i = (g * 40503 + 11) % ?
                join bench.pool_name n on n.i = (g * 65599 + 5) % ?""", vIdCipher, vPhoneCipher, BY, volunteers, pools.regions.size(), pools.names.size()));
        db.jdbc.update("""
                insert into directory_volunteer_region (volunteer_id, region_code)
                select id, region_code from directory_volunteer where reviewed_by = ?""", BY);
        db.execute(
                "vacuum (analyze) directory_social_worker",
                "vacuum (analyze) directory_volunteer",
                "vacuum (analyze) directory_social_worker_specialty",
                "vacuum (analyze) directory_social_worker_region",
                "vacuum (analyze) directory_volunteer_region");
        log.info(
                "{} social workers and {} volunteers generated in {} ms",
                workers,
                volunteers,
                (System.nanoTime() - began) / 1_000_000);
    }

    /**
     * {@code n} open help requests over Shanghai's streets (SUBMITTED, TRIAGED, ASSIGNED, ACCEPTED,
     * IN_PROGRESS in turn), the assigned ones spread over the generated social workers and volunteers.
     */
    void helpRequests(int n) {
        long began = System.nanoTime();
        String table = "requests_help_request";
        byte[] address = crypto.encrypt("上海市徐汇区天平路街道某路1弄1号101室", table, "address");
        byte[] phone = crypto.encrypt("13900000000", table, "phone");
        byte[] description = crypto.encrypt("家中老人降压药只剩两天，需要帮忙购买", table, "description");
        Long[] workers = range("select min(id), max(id) from directory_social_worker where created_by = ?");
        Long[] volunteers = range("select min(id), max(id) from directory_volunteer where reviewed_by = ?");
        withIndexesRebuilt(
                table,
                () -> db.jdbc.update(
                        """
                insert into requests_help_request (tracking_code, channel, category, for_whom, region_code,
                    address_cipher, address_search, phone_cipher, phone_index, description_cipher, urgency, priority,
                    status, first_contact_due, resolution_due, worker_id, worker_name, volunteer_id, volunteer_name,
                    submitted_at, created_by)
                select 'B' || lpad(upper(to_hex(g)), 7, '0'), 'ONLINE', -- hex: unique up to 268 million
                       (array['CHRONIC_MEDICINE','FOOD_SUPPLIES','ELDERLY_CARE','EMERGENCY_MEDICAL','PSYCHOLOGICAL',
                              'DIALYSIS','TRANSPORT_ESCORT','OTHER','PRENATAL_CHECK','CHILD_PARENT'])[g % 10 + 1],
                       case when g % 3 = 0 then 'FAMILY' else 'SELF' end, r.code, ?,
                       left(r.name || s.v, 200), ?, digest('bench-rq-' || g, 'sha256'), ?,
                       (array['NORMAL','URGENT','NORMAL','VERY_URGENT'])[g % 4 + 1], 'P' || (g % 4 + 1),
                       (array['SUBMITTED','TRIAGED','ASSIGNED','ACCEPTED','IN_PROGRESS'])[g % 5 + 1],
                       ts + interval '2 hours', ts + interval '2 days',
                       case when g % 5 >= 2 then ?::bigint + (g * 7919) % (?::bigint - ?::bigint + 1) end,
                       case when g % 5 >= 2 then '张*' end,
                       case when g % 10 >= 7 then ?::bigint + (g * 104729) % (?::bigint - ?::bigint + 1) end,
                       case when g % 10 >= 7 then '李*' end,
                       ts, ?
                from (select g, timestamptz '2022-04-01 00:00+08' + (g % 2592000) * interval '1 second' as ts
                      from generate_series(1::bigint, ?::bigint) g) x
                join bench.pool_region r on r.i = (g * 2654435761) % ?
                join bench.pool_street s on s.i = (g * 65599 + 3) % ?""",
                        address,
                        phone,
                        description,
                        workers[0],
                        workers[1],
                        workers[0],
                        volunteers[0],
                        volunteers[1],
                        volunteers[0],
                        BY,
                        n,
                        pools.regions.size(),
                        pools.streets.size()));
        // A live table is vacuumed by autovacuum after a bulk insert (its insert threshold, PostgreSQL 13+), which
        // sets the visibility map: measured before that, every index-only count read the heap row by row.
        db.execute("vacuum (analyze) " + table);
        log.info("{} help requests generated and indexed in {} ms", n, (System.nanoTime() - began) / 1_000_000);
    }

    private Long[] range(String sql) {
        Map<String, Object> row = db.jdbc.queryForMap(sql, BY);
        Object[] values = row.values().toArray();
        if (values[0] == null) {
            throw new IllegalStateException("generate people before requests");
        }
        return new Long[] {((Number) values[0]).longValue(), ((Number) values[1]).longValue()};
    }

    /** Drops the table's secondary (non-constraint) indexes, runs the load, and creates them again. */
    private void withIndexesRebuilt(String table, Runnable load) {
        List<String> definitions = new ArrayList<>(db.jdbc.queryForList("""
                select pg_get_indexdef(i.indexrelid) from pg_index i
                where i.indrelid = ?::regclass
                  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)""", String.class, table));
        List<String> names = db.jdbc.queryForList("""
                select i.indexrelid::regclass::text from pg_index i
                where i.indrelid = ?::regclass
                  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)""", String.class, table);
        names.forEach(name -> db.execute("drop index " + name));
        try {
            load.run();
        } finally {
            definitions.forEach(db::execute);
        }
    }
}
