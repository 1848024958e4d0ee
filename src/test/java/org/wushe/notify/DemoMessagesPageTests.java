package org.wushe.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.WusheIntegrationTest;
import org.wushe.shared.PhoneNumber;

/** /demo/messages shows what the outbox sent, in the demo only (issue 15 item 13). */
class DemoMessagesPageTests {

    @Nested
    @WusheIntegrationTest
    @ActiveProfiles("demo")
    class InTheDemo {

        @Autowired
        MockMvcTester mvc;

        @Autowired
        Notifications notifications;

        @Autowired
        TransactionTemplate transactions;

        @Test
        void anyoneCanReadTheFullTextOfTheLatestMessagesWithRecipientsMasked() {
            long id = transactions.execute(
                    status -> notifications.send(PhoneNumber.parse("13912345678"), MessageKind.REQUEST_CODE, "483920"));

            var page = mvc.get().uri("/demo/messages").exchange();

            assertThat(page).hasStatusOk();
            assertThat(page)
                    .bodyText()
                    .contains("id=\"demo-message-" + id + "\"")
                    .contains("483920")
                    .contains("139****5678")
                    .doesNotContain("13912345678");
        }
    }

    @Nested
    @WusheIntegrationTest
    class OutsideTheDemo {

        @Autowired
        MockMvcTester mvc;

        @Test
        void thePageDoesNotExist() {
            assertThat(mvc.get().uri("/demo/messages")).hasStatus(404);
        }
    }
}
