package org.wushe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.WusheIntegrationTest;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.RegionCode;
import tools.jackson.databind.json.JsonMapper;

/** Events with value types survive the JSON round trip of the event publication registry (restart, retry). */
@WusheIntegrationTest
class ValueTypeJsonTests {

    @Autowired
    JsonMapper json;

    @Test
    void anActivityWithARegionCodeRoundTrips() {
        var activity = new Activity(
                Instant.parse("2022-04-01T00:00:00Z"),
                "tester",
                AuditAction.UPDATE,
                "region",
                "310104",
                RegionCode.parse("310104"),
                "127.0.0.1",
                "封控",
                List.of("controlLevel"));
        String text = json.writeValueAsString(activity);
        assertThat(text).contains("\"regionCode\":\"310104\"");
        assertThat(json.readValue(text, Activity.class)).isEqualTo(activity);
    }
}
