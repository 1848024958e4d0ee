package org.wushe.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications for staff accounts, written in the caller's transaction. Callers decide who is told
 * (for example through {@code Accounts.holdersCovering}); the text is a message key and arguments, so it is
 * rendered in the reader's language and never needs personal data.
 */
@Service
public class StaffInbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Tells each account once; returns how many notifications were written. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int post(Collection<Long> accountIds, String messageKey, List<String> args, String link) {
        if (messageKey == null || messageKey.isBlank()) {
            throw new IllegalArgumentException("A notification needs a message key");
        }
        Timestamp now = Timestamp.from(clock.instant());
        String[] arguments = args.toArray(String[]::new);
        Long[] accounts = accountIds.stream().distinct().toArray(Long[]::new);
        if (accounts.length == 0) {
            return 0;
        }
        // One statement for everyone told: an escalation may reach every station account of a district.
        return jdbc.sql("""
                insert into notify_inbox (account_id, message_key, args, link, created_at)
                select account_id, ?, ?, ?, ? from unnest(?::bigint[]) as told(account_id)""").params(messageKey, arguments, link, now, accounts).update();
    }

    @Transactional(readOnly = true)
    public long unreadCount(long accountId) {
        return jdbc.sql("select count(*) from notify_inbox where account_id = ? and read_at is null")
                .param(accountId)
                .query(Long.class)
                .single();
    }

    /** The newest notifications of one account, newest first. */
    @Transactional(readOnly = true)
    public List<InboxItem> latest(long accountId, int limit) {
        return jdbc.sql("""
                select id, message_key, args, link, created_at, read_at from notify_inbox
                where account_id = ? order by id desc limit ?""")
                .params(accountId, Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> new InboxItem(
                        rs.getLong("id"),
                        rs.getString("message_key"),
                        List.of((String[]) rs.getArray("args").getArray()),
                        rs.getString("link"),
                        rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("read_at"))
                                .map(Timestamp::toInstant)
                                .orElse(null)))
                .list();
    }

    /** One page of an account's notifications, newest first, older than {@code beforeId} when given (keyset). */
    @Transactional(readOnly = true)
    public List<InboxItem> page(long accountId, Long beforeId, int limit) {
        return jdbc.sql("""
                select id, message_key, args, link, created_at, read_at from notify_inbox
                where account_id = ? and id < ? order by id desc limit ?""")
                .params(accountId, beforeId == null ? Long.MAX_VALUE : beforeId, Math.max(1, Math.min(limit, 200)))
                .query(StaffInbox::item)
                .list();
    }

    /**
     * Opens one of the account's notifications: marks it read if it was not and returns it; empty when the id
     * is not the account's (which must look the same as absent).
     */
    @Transactional
    public Optional<InboxItem> open(long accountId, long id) {
        return jdbc.sql("""
                update notify_inbox set read_at = coalesce(read_at, ?) where id = ? and account_id = ?
                returning id, message_key, args, link, created_at, read_at""")
                .params(Timestamp.from(clock.instant()), id, accountId)
                .query(StaffInbox::item)
                .optional();
    }

    /** Marks every unread notification of the account read; returns how many. */
    @Transactional
    public int markAllRead(long accountId) {
        return jdbc.sql("update notify_inbox set read_at = ? where account_id = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), accountId)
                .update();
    }

    private static InboxItem item(ResultSet rs, int row) throws SQLException {
        return new InboxItem(
                rs.getLong("id"),
                rs.getString("message_key"),
                List.of((String[]) rs.getArray("args").getArray()),
                rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("read_at"))
                        .map(Timestamp::toInstant)
                        .orElse(null));
    }

    /** Marks one of the account's own notifications read (someone else's id changes nothing). */
    @Transactional
    public boolean markRead(long accountId, long id) {
        return jdbc.sql("update notify_inbox set read_at = ? where id = ? and account_id = ? and read_at is null")
                        .params(Timestamp.from(clock.instant()), id, accountId)
                        .update()
                == 1;
    }

    public record InboxItem(
            long id, String messageKey, List<String> args, String link, Instant createdAt, Instant readAt) {
        public boolean unread() {
            return readAt == null;
        }
    }
}
