package org.wushe.residents.checkins;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.shared.RegionCode;

/**
 * Daily check-in enrolments, check-ins and alerts in SQL. A resident's link carries a random token of 256 bits;
 * only its SHA-256 is stored, so the table cannot be turned back into working links.
 */
@Repository
class CheckInStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    CheckInStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Enrols (or re-enrols with a new deadline, form of address and link). {@code addressAsCipher} is the 称呼,
     * encrypted as (residents_checkin_enrolment, address_as).
     */
    public void enrol(
            long residentId,
            RegionCode community,
            LocalTime deadline,
            byte[] addressAsCipher,
            String token,
            Instant at,
            String by) {
        jdbc.sql("""
                insert into residents_checkin_enrolment (resident_id, community_code, deadline, address_as_cipher,
                    token_hash, active, enrolled_at, enrolled_by) values (?, ?, ?, ?, ?, true, ?, ?)
                on conflict (resident_id) do update set deadline = excluded.deadline, token_hash = excluded.token_hash,
                    active = true, enrolled_at = excluded.enrolled_at, enrolled_by = excluded.enrolled_by,
                    community_code = excluded.community_code, address_as_cipher = excluded.address_as_cipher""")
                .params(residentId, community.value(), deadline, addressAsCipher, hash(token), Timestamp.from(at), by)
                .update();
    }

    public boolean stop(long residentId) {
        return jdbc.sql("update residents_checkin_enrolment set active = false where resident_id = ? and active")
                        .param(residentId)
                        .update()
                == 1;
    }

    /** The resident of an active enrolment with this token, with the encrypted form of address (null for none). */
    public Optional<TokenHolder> byToken(String token) {
        return jdbc.sql("""
                select e.resident_id, e.address_as_cipher, e.community_code, r.grid_worker_account_id
                from residents_checkin_enrolment e join residents_resident r on r.id = e.resident_id
                where e.token_hash = ? and e.active and r.voided_at is null""")
                .param(hash(token))
                .query((rs, n) -> new TokenHolder(
                        rs.getLong(1), rs.getBytes(2), RegionCode.parse(rs.getString(3)), rs.getObject(4, Long.class)))
                .optional();
    }

    public record TokenHolder(long residentId, byte[] addressAsCipher, RegionCode community, Long gridWorker) {}

    public void checkIn(long residentId, LocalDate date, CheckInStatus status, Instant at, String by) {
        jdbc.sql("insert into residents_checkin (resident_id, check_date, status, checked_at, checked_by)"
                        + " values (?, ?, ?, ?, ?)")
                .params(residentId, date, status.name(), Timestamp.from(at), by)
                .update();
    }

    public boolean checkedIn(long residentId, LocalDate date) {
        return jdbc.sql("select count(*) from residents_checkin where resident_id = ? and check_date = ?")
                        .params(residentId, date)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Records an alert once per resident, day and level; true when this call recorded it. */
    public boolean alertOnce(long residentId, LocalDate date, String level, RegionCode community, Instant at) {
        return jdbc.sql("""
                insert into residents_checkin_alert (resident_id, check_date, level, community_code, raised_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(residentId, date, level, community.value(), Timestamp.from(at))
                        .update()
                == 1;
    }

    /** The overview; {@code clearAddressAs} decrypts the enrolment's 称呼. */
    public CheckInOverview overview(long residentId, Function<byte[], String> clearAddressAs) {
        CheckInOverview.Enrolment enrolment = jdbc.sql("""
                select deadline, active, enrolled_at, enrolled_by, address_as_cipher from residents_checkin_enrolment
                where resident_id = ?""")
                .param(residentId)
                .query((rs, n) -> new CheckInOverview.Enrolment(
                        rs.getObject(1, LocalTime.class),
                        clearAddressAs.apply(rs.getBytes(5)),
                        rs.getBoolean(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .optional()
                .orElse(null);
        List<CheckInOverview.Entry> entries = jdbc.sql("""
                select check_date, status, checked_at, checked_by from residents_checkin where resident_id = ?
                order by checked_at desc limit 30""")
                .param(residentId)
                .query((rs, n) -> new CheckInOverview.Entry(
                        rs.getObject(1, LocalDate.class),
                        CheckInStatus.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .list();
        List<CheckInOverview.Alert> alerts = jdbc.sql("""
                select check_date, level, raised_at from residents_checkin_alert where resident_id = ?
                order by raised_at desc limit 30""")
                .param(residentId)
                .query((rs, n) -> new CheckInOverview.Alert(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
        return new CheckInOverview(residentId, enrolment, entries, alerts);
    }
}
