package org.wushe.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.DataScope;
import org.wushe.access.Role;
import org.wushe.access.StaffPrincipal;

/** The bell in the header, the inbox page and /api/v1/inbox, each for the signed-in account only. */
@WusheIntegrationTest
class InboxPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffInbox inbox;

    @Autowired
    TransactionTemplate transactions;

    long me;
    long other;
    List<StaffInbox.InboxItem> mine;

    @BeforeEach
    void notifications() {
        me = ThreadLocalRandom.current().nextLong(10_000_000, 20_000_000);
        other = me + 1;
        transactions.executeWithoutResult(s -> {
            inbox.post(List.of(me, other), "region.notFound", List.of("310199"), "/regions?code=310104");
            inbox.post(List.of(me), "notify.inbox.unread", List.of("7"), "//evil.example/phish");
            inbox.post(List.of(me), "no.such.key", List.of(), null);
        });
        mine = inbox.latest(me, 10);
    }

    RequestPostProcessor as(long accountId) {
        var principal = new StaffPrincipal(
                accountId, "inbox" + accountId, "收件人", Set.of(Role.STATION_STAFF), DataScope.country());
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority(Role.STATION_STAFF.authority()))));
    }

    @Test
    void everyPageHeaderHasTheBellWithTheUnreadCountPolledEvery30Seconds() {
        assertThat(mvc.get().uri("/regions").with(as(me)))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "id=\"inbox-bell\"",
                        "hx-get=\"/inbox/latest\"",
                        "hx-trigger=\"toggle once\"",
                        "hx-get=\"/inbox/count\"",
                        "hx-trigger=\"every 30s\"",
                        "3 条未读",
                        "<span class=\"badge rounded-pill text-bg-danger\">3</span>",
                        "href=\"/inbox\"");
        assertThat(mvc.get().uri("/inbox/count").header("HX-Request", "true").with(as(me)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"inbox-count\"", ">3</span>")
                .doesNotContain("<html", "inbox-bell");
    }

    @Test
    void theLatestAreRenderedFromKeyAndArgumentsInTheReadersLanguage() {
        assertThat(mvc.get().uri("/inbox/latest").header("HX-Request", "true").with(as(me)))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "区划代码 310199 不存在。",
                        "7 条未读",
                        "no.such.key",
                        "action=\"/inbox/" + mine.get(0).id() + "/read\"")
                .doesNotContain("<html");
        assertThat(mvc.get().uri("/inbox").param("lang", "en").with(as(me)))
                .hasStatusOk()
                .bodyText()
                .contains("Notifications", "3 unread", "There is no region with code 310199.", "Mark all read");
    }

    @Test
    void openingMarksReadAndFollowsOnlyLinksOfThisSite() {
        long first = mine.get(2).id(); // oldest: the /regions link
        long phishing = mine.get(1).id();
        assertThat(mvc.post().uri("/inbox/{id}/read", first).with(csrf()).with(as(me)))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/regions?code=310104");
        assertThat(mvc.post().uri("/inbox/{id}/read", phishing).with(csrf()).with(as(me)))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/inbox");
        assertThat(inbox.unreadCount(me)).isEqualTo(1);
        assertThat(mvc.post().uri("/inbox/{id}/read", first).with(csrf()).with(as(me)))
                .hasStatus3xxRedirection();

        // someone else's notification is not found, and stays unread for its owner
        long othersId = inbox.latest(other, 1).get(0).id();
        assertThat(mvc.post().uri("/inbox/{id}/read", othersId).with(csrf()).with(as(me)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(inbox.unreadCount(other)).isEqualTo(1);

        assertThat(mvc.post().uri("/inbox/read-all").with(csrf()).with(as(me))).hasStatus3xxRedirection();
        assertThat(inbox.unreadCount(me)).isZero();
        assertThat(mvc.get().uri("/inbox").with(as(me)))
                .hasStatusOk()
                .bodyText()
                .contains("0 条未读")
                .doesNotContain("全部标为已读", "text-bg-danger");
    }

    @Test
    void theApiListsAndMarksRead() {
        assertThat(mvc.get().uri("/api/v1/inbox").param("lang", "en").with(as(me)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.unread").isEqualTo(3);
                    assertThat(json).extractingPath("$.items.length()").isEqualTo(3);
                    assertThat(json)
                            .extractingPath("$.items[2].message")
                            .isEqualTo("There is no region with code 310199.");
                    assertThat(json).extractingPath("$.items[2].link").isEqualTo("/regions?code=310104");
                    assertThat(json).extractingPath("$.items[1].link").isNull();
                    assertThat(json).extractingPath("$.items[0].read").isEqualTo(false);
                });
        long id = mine.get(0).id();
        assertThat(mvc.post().uri("/api/v1/inbox/{id}/read", id).with(csrf()).with(as(me)))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.post().uri("/api/v1/inbox/{id}/read", id).with(csrf()).with(as(other)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get()
                        .uri("/api/v1/inbox")
                        .param("before", String.valueOf(id))
                        .param("limit", "1")
                        .with(as(me)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.unread").isEqualTo(2);
                    assertThat(json).extractingPath("$.items.length()").isEqualTo(1);
                    assertThat(json).extractingPath("$.items[0].id").isEqualTo((int)
                            mine.get(1).id());
                });
        assertThat(mvc.get().uri("/api/v1/inbox").accept(MediaType.APPLICATION_JSON))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void noBellWithoutASignedInStaffMember() {
        assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().doesNotContain("inbox-bell");
        // a session still at a sign-in step carries no roles
        var pending = new StaffPrincipal(me, "pending", "待改密", Set.of(), DataScope.none());
        assertThat(mvc.get()
                        .uri("/account/password")
                        .with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                                pending, null, List.of(new SimpleGrantedAuthority("GATE_PASSWORD_CHANGE"))))))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("inbox-bell");
    }
}
