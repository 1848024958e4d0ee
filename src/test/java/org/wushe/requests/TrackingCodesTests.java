package org.wushe.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tracking codes, shared by intake (which draws them) and everyone who looks one up. */
class TrackingCodesTests {

    @Test
    void trackingCodesAreReadableAndNotSequential() {
        TrackingCodes codes = new TrackingCodes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String c = codes.next();
            assertThat(c).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}");
            seen.add(c);
        }
        assertThat(seen).hasSize(1000);
        assertThat(TrackingCodes.normalise("abcd-2345")).isEqualTo("ABCD2345");
        assertThat(TrackingCodes.normalise("ABCD0O1I")).isNull();
        assertThat(TrackingCodes.display("ABCD2345")).isEqualTo("ABCD-2345");
    }
}
