package org.wushe.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.WusheIntegrationTest;

/** In-app notifications: posted in the caller's transaction, counted, listed and read per account only. */
@WusheIntegrationTest
class StaffInboxTests {

    @Autowired
    StaffInbox inbox;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void postedNotificationsAreCountedListedNewestFirstAndReadOnlyByTheirAccount() {
        long alice = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000);
        long bob = alice + 1;
        transactions.executeWithoutResult(s -> {
            inbox.post(List.of(alice, alice, bob), "test.first", List.of("A1"), "/x/1");
            inbox.post(List.of(alice), "test.second", List.of(), null);
        });
        assertThat(inbox.unreadCount(alice)).isEqualTo(2);
        var items = inbox.latest(alice, 10);
        assertThat(items).extracting(StaffInbox.InboxItem::messageKey).containsExactly("test.second", "test.first");
        assertThat(items.get(1).args()).containsExactly("A1");
        assertThat(inbox.markRead(bob, items.get(0).id())).isFalse();
        assertThat(inbox.markRead(alice, items.get(0).id())).isTrue();
        assertThat(inbox.unreadCount(alice)).isEqualTo(1);
        assertThat(inbox.unreadCount(bob)).isEqualTo(1);
    }

    @Test
    void postingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> inbox.post(List.of(1L), "test.x", List.of(), null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }
}
