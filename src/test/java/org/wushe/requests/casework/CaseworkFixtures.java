package org.wushe.requests.casework;

import java.util.List;
import org.wushe.access.Staff;
import org.wushe.requests.ServiceType;

/** For the tests of other modules: a request taken through assignment, acceptance and resolution to closed. */
public final class CaseworkFixtures {

    private CaseworkFixtures() {}

    public static void close(
            HelpRequestCases cases,
            Staff staff,
            long requestId,
            Long organisationId,
            long socialWorkerId,
            List<ServiceType> delivered,
            int personTimes) {
        staff.run(() -> cases.assign(requestId, organisationId, socialWorkerId, null));
        staff.run(() -> cases.accept(requestId, HelpRequest.Party.WORKER));
        staff.run(() -> cases.resolve(requestId, "已完成服务", delivered, personTimes));
        staff.run(() -> cases.close(requestId));
    }
}
