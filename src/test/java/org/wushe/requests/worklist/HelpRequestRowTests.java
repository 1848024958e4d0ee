package org.wushe.requests.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.wushe.requests.Category;
import org.wushe.requests.Channel;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.shared.RegionCode;

/** The worklist's countdown: first contact until someone takes the request, then resolution. */
class HelpRequestRowTests {

    static HelpRequestRow row(HelpRequestStatus status, Instant firstContactDue, Instant resolutionDue) {
        return new HelpRequestRow(
                1,
                "ABCDEFGH",
                Category.DIALYSIS,
                Priority.P1,
                status,
                Channel.ONLINE,
                RegionCode.parse("310104003001"),
                "天平路",
                Instant.now(),
                firstContactDue,
                resolutionDue,
                false,
                null,
                null,
                false);
    }

    @Test
    void theCountdownFollowsFirstContactThenResolution() {
        Instant now = Instant.now();
        Instant contact = now.plus(Duration.ofMinutes(30)).plusSeconds(20);
        Instant resolution = now.plus(Duration.ofHours(4)).plusSeconds(20);
        assertThat(row(HelpRequestStatus.TRIAGED, contact, resolution).nextDeadline())
                .isEqualTo(contact);
        assertThat(row(HelpRequestStatus.TRIAGED, contact, resolution).minutesToNextDeadline())
                .isBetween(29L, 30L);
        assertThat(row(HelpRequestStatus.ACCEPTED, contact, resolution).nextDeadline())
                .isEqualTo(resolution);
        assertThat(row(HelpRequestStatus.IN_PROGRESS, contact, resolution).minutesToNextDeadline())
                .isBetween(239L, 240L);
        assertThat(row(HelpRequestStatus.TRIAGED, now.minusSeconds(61), resolution)
                        .minutesToNextDeadline())
                .as("negative once passed")
                .isNegative();
    }
}
