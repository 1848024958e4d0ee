/**
 * 紧急关怀绿色通道: residents' urgent help requests from intake (public phone page, staff on behalf of a caller,
 * forwarding systems) through triage by an editable rule table, assignment (社工+志愿者), referral to the
 * organisation that can act, escalation of missed deadlines, closure and follow-up. Reads the directory through
 * its façades, scopes every query by the caller's data scope ({@code access}), encrypts phones, addresses and
 * health notes ({@code privacy}), and tells residents by SMS and staff in-app ({@code notify}).
 *
 * <p>Sliced by feature: {@code intake} (the public pages, recording a call, forwarding; the {@code HelpRequests}
 * façade other modules call), {@code triage} (rule table, deadlines, escalation job), {@code casework} (the
 * {@code HelpRequest} and {@code Referral} aggregates and everything done to a request once it is in) and
 * {@code worklist} (the staff list, "my requests", the export). The root holds the vocabulary the slices share:
 * ids, enums, events, timeline kinds, tracking codes, the stored answer format and the places. The worklist's
 * social-worker filter resolves a typed name through the directory's social workers ({@code directory::socialworkers}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Help requests",
        allowedDependencies = {
            "access",
            "privacy",
            "platform",
            "notify",
            "region",
            "directory",
            "directory::socialworkers"
        })
package org.wushe.requests;
