package org.wushe.requests.casework;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.requests.Priority;
import org.wushe.requests.ServiceType;
import org.wushe.requests.casework.HelpRequest.Party;

/** The staff API of case work (session or bearer token); the same façade rules as the pages. */
@RestController
@RequestMapping("/api/v1/help-requests")
class HelpRequestApiController {

    record Assignment(Long organisationId, Long socialWorkerId, Long volunteerId) {}

    record BulkAssignment(List<Long> ids, Long organisationId, Long socialWorkerId, Long volunteerId) {}

    record Triage(Priority priority) {}

    record PartyAction(Party party, String reason) {}

    record Resolution(String summary, List<ServiceType> serviceTypes, int personTimes) {}

    record Reason(String reason) {}

    record Text(String text) {}

    record Referral(long organisationId, String part) {}

    record ReferralAction(ReferralStatus status, String note) {}

    record FollowUp(boolean reached, Integer satisfaction, String note) {}

    private final HelpRequestViews views;
    private final HelpRequestCases cases;

    HelpRequestApiController(HelpRequestViews views, HelpRequestCases cases) {
        this.views = views;
        this.cases = cases;
    }

    @GetMapping("/{id}")
    HelpRequestDetails get(@PathVariable long id) {
        return views.details(id);
    }

    @GetMapping("/{id}/suggestions")
    Suggestions suggestions(@PathVariable long id) {
        return cases.suggestions(id);
    }

    @PostMapping("/{id}/triage")
    ResponseEntity<Void> triage(@PathVariable long id, @RequestBody Triage body) {
        cases.triage(id, body.priority());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/assignment")
    ResponseEntity<Void> assign(@PathVariable long id, @RequestBody Assignment body) {
        cases.assign(id, body.organisationId(), body.socialWorkerId(), body.volunteerId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/bulk-assignment")
    ResponseEntity<Void> bulkAssign(@RequestBody BulkAssignment body) {
        cases.bulkAssign(body.ids(), body.organisationId(), body.socialWorkerId(), body.volunteerId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/acceptance")
    ResponseEntity<Void> accept(@PathVariable long id, @RequestBody(required = false) PartyAction body) {
        cases.accept(id, body == null ? null : body.party());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/decline")
    ResponseEntity<Void> decline(@PathVariable long id, @RequestBody PartyAction body) {
        cases.decline(id, body.party(), body.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/resolution")
    ResponseEntity<Void> resolve(@PathVariable long id, @RequestBody Resolution body) {
        cases.resolve(id, body.summary(), body.serviceTypes(), body.personTimes());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/closure")
    ResponseEntity<Void> close(@PathVariable long id) {
        cases.close(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/cancellation")
    ResponseEntity<Void> cancel(@PathVariable long id, @RequestBody Reason body) {
        cases.cancel(id, body.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/notes")
    ResponseEntity<Void> note(@PathVariable long id, @RequestBody Text body) {
        cases.note(id, body.text());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/referrals")
    ResponseEntity<Long> refer(@PathVariable long id, @RequestBody Referral body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(cases.refer(id, body.organisationId(), body.part()));
    }

    @PostMapping("/{id}/follow-ups")
    ResponseEntity<Void> followUp(@PathVariable long id, @RequestBody FollowUp body) {
        cases.followUp(id, body.reached(), body.satisfaction(), body.note());
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @PostMapping("/{id}/phone/reveal")
    String revealPhone(@PathVariable long id, @RequestBody Reason body) {
        return views.revealPhone(id, body.reason());
    }

    @GetMapping("/referrals")
    List<ReferralView> referrals() {
        return cases.referralsToMyOrganisation();
    }

    @PostMapping("/referrals/{referralId}")
    ResponseEntity<Void> actOnReferral(@PathVariable long referralId, @RequestBody ReferralAction body) {
        if (body.status() == ReferralStatus.WITHDRAWN) {
            cases.withdrawReferral(referralId);
        } else {
            cases.actOnReferral(referralId, body.status(), body.note());
        }
        return ResponseEntity.noContent().build();
    }
}
