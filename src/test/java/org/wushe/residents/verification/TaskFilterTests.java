package org.wushe.residents.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.wushe.platform.InvalidParameterException;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** A worklist's parameters become a typed filter at the edge; the worklist's links name its status again. */
class TaskFilterTests {

    @Test
    void theParametersBecomeATypedFilter() {
        TaskFilter f = TaskFilter.of(3L, " 310101 ", "DIFFERS", true);
        assertThat(f)
                .isEqualTo(TaskFilter.of(3)
                        .in(RegionCode.parse("310101"))
                        .withOutcome(VerificationOutcome.DIFFERS)
                        .assignedToMe());
        assertThat(f.status()).isEqualTo("DIFFERS");
        assertThat(TaskFilter.of(null, "", " OPEN ", false))
                .isEqualTo(TaskFilter.all().onlyOpen());
        assertThat(TaskFilter.of(null, null, "DONE", false).status()).isEqualTo("DONE");
        assertThat(TaskFilter.of(null, null, null, false)).isEqualTo(TaskFilter.all());
        assertThat(TaskFilter.all().onlyOpen().anyStatus().status()).isNull();
    }

    @Test
    void anUnknownStatusOrRegionIsTheCallersMistake() {
        assertThatThrownBy(() -> TaskFilter.of(null, null, "MAYBE", false))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> TaskFilter.of(null, "31x", null, false)).isInstanceOf(InvalidValueException.class);
    }
}
