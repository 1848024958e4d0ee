package org.wushe.requests.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wushe.requests.Category;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;

/** Each {@code with…} method changes its own component and keeps every other one. */
class WorklistFilterTests {

    static final PhoneNumber PHONE = PhoneNumber.parse("13700000001");
    static final RegionCode REGION = RegionCode.parse("310104003");

    static WorklistFilter everything() {
        return WorklistFilter.all()
                .withStatus(HelpRequestStatus.TRIAGED)
                .withPriority(Priority.P2)
                .withCategory(Category.DIALYSIS)
                .withRegion(REGION)
                .withWorker(7L)
                .overdueOnly(true)
                .openOnly(true)
                .withTrackingCode("abcd-efgh")
                .withPhone(PHONE)
                .withAddress(" 天平路 ")
                .withCursor(42L)
                .withSize(50)
                .withOrder(WorklistOrder.OLDEST);
    }

    @Test
    void everyComponentIsSetByItsOwnMethodAndKeptByTheOthers() {
        assertThat(everything())
                .isEqualTo(new WorklistFilter(
                        HelpRequestStatus.TRIAGED,
                        Priority.P2,
                        Category.DIALYSIS,
                        REGION,
                        false,
                        7L,
                        true,
                        true,
                        "ABCDEFGH",
                        PHONE,
                        "天平路",
                        42L,
                        50,
                        WorklistOrder.OLDEST));
        WorklistFilter f = everything();
        assertThat(f.withStatus(HelpRequestStatus.CLOSED))
                .isEqualTo(new WorklistFilter(
                        HelpRequestStatus.CLOSED,
                        f.priority(),
                        f.category(),
                        f.region(),
                        f.unassigned(),
                        f.workerId(),
                        f.overdue(),
                        f.open(),
                        f.trackingCode(),
                        f.phone(),
                        f.address(),
                        f.after(),
                        f.size(),
                        f.order()));
        assertThat(f.withSize(10).withCursor(null))
                .isEqualTo(new WorklistFilter(
                        f.status(),
                        f.priority(),
                        f.category(),
                        f.region(),
                        f.unassigned(),
                        f.workerId(),
                        f.overdue(),
                        f.open(),
                        f.trackingCode(),
                        f.phone(),
                        f.address(),
                        null,
                        10,
                        f.order()));
        assertThat(WorklistFilter.all())
                .as("all() leaves nothing set")
                .isEqualTo(WorklistFilter.all()
                        .withStatus(null)
                        .withPhone(null)
                        .withTrackingCode(" ")
                        .withAddress("x"));
    }

    @Test
    void unassignedAndOneWorkerExcludeEachOther() {
        WorklistFilter unassigned = everything().unassignedOnly();
        assertThat(unassigned.unassigned()).isTrue();
        assertThat(unassigned.workerId()).isNull();
        WorklistFilter worker = unassigned.withWorker(9L);
        assertThat(worker.unassigned()).isFalse();
        assertThat(worker.workerId()).isEqualTo(9L);
        assertThat(worker.withStatus(null)).extracting(WorklistFilter::priority).isEqualTo(Priority.P2);
    }

    @Test
    void textThatCannotBeACodeIsKeptAsTypedSoItMatchesNothing() {
        assertThat(WorklistFilter.all().withTrackingCode(" 王大妈 ").trackingCode())
                .isEqualTo("王大妈");
        assertThat(WorklistFilter.all().withTrackingCode(null).trackingCode()).isNull();
    }
}
