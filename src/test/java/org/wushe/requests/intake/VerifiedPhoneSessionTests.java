package org.wushe.requests.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.wushe.WusheIntegrationTest;
import org.wushe.privacy.CryptoService;

/**
 * The phone a resident verified on /help is kept encrypted in the session. A value that no longer decrypts (its key
 * was dropped by a rotation while the session lived) asks the resident to verify again instead of failing the page,
 * and the 30 minutes are counted on the application's clock.
 */
@WusheIntegrationTest
class VerifiedPhoneSessionTests {

    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    @Autowired
    CryptoService crypto;

    private Optional<String> read(Object attribute) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(PublicHelpController.VERIFIED, attribute);
        // only the crypto and the clock take part in reading the session
        return new PublicHelpController(null, null, null, null, null, crypto, Clock.fixed(NOW, ZoneOffset.UTC))
                .verified(session);
    }

    private PublicHelpController.VerifiedPhone verifiedUntil(Instant until) {
        return new PublicHelpController.VerifiedPhone(
                crypto.encrypt("13912345678", PublicHelpController.SESSION_TABLE, PublicHelpController.SESSION_COLUMN),
                until);
    }

    @Test
    void aVerifiedPhoneIsOfferedAgainWhileItLasts() {
        assertThat(read(verifiedUntil(NOW.plusSeconds(60)))).contains("13912345678");
        assertThat(read(verifiedUntil(NOW.minusSeconds(1)))).isEmpty();
    }

    @Test
    void aVerifiedPhoneThatNoLongerDecryptsAsksForANewCode() {
        assertThat(read(new PublicHelpController.VerifiedPhone(new byte[] {1, 2, 3}, NOW.plusSeconds(60))))
                .isEmpty();
    }
}
