package org.wushe.requests.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.requests.HelpRequestNotFoundException;
import org.wushe.requests.casework.HelpRequestCases;
import org.wushe.requests.casework.HelpRequestViews;
import org.wushe.requests.casework.PublicStatus;

/**
 * The public JSON twins of the resident pages (no sign-in; rate-limited per client address and per phone).
 * A JSON client proves the phone with the SMS code on each submission; the code stays valid for 30 minutes after
 * its first successful use.
 */
@RestController
@RequestMapping("/api/v1/public")
class PublicHelpApiController {

    record CodeRequest(String phone) {}

    record CodeSent(boolean sent, long expiresInSeconds) {}

    record Receipt(String trackingCode, String priority, String status) {
        static Receipt of(Submission s) {
            return new Receipt(s.trackingCode(), s.priority().name(), s.status().name());
        }
    }

    record Information(String text) {}

    record Confirmation(Integer rating) {}

    private final HelpRequests requests;
    private final HelpRequestViews views;
    private final HelpRequestCases cases;

    PublicHelpApiController(HelpRequests requests, HelpRequestViews views, HelpRequestCases cases) {
        this.requests = requests;
        this.views = views;
        this.cases = cases;
    }

    @PostMapping("/verification-codes")
    ResponseEntity<CodeSent> code(@RequestBody CodeRequest body, HttpServletRequest request) {
        requests.requestCode(body == null ? null : body.phone(), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new CodeSent(true, PhoneVerifications.VALIDITY.toSeconds()));
    }

    /** 201 with the receipt; a repeated {@code submissionKey} answers 200 with the same receipt. */
    @PostMapping("/help-requests")
    ResponseEntity<Receipt> submit(@RequestBody Intake body, HttpServletRequest request) {
        Submission s = requests.submit(
                body == null ? new Intake(null, null, null, null, null, null, null, null, null, null) : body,
                request.getRemoteAddr(),
                Optional.empty());
        return ResponseEntity.status(s.existing() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/public/help-requests/" + s.trackingCode()))
                .body(Receipt.of(s));
    }

    @GetMapping("/help-requests/{trackingCode}")
    PublicStatus status(@PathVariable String trackingCode, HttpServletRequest request) {
        return views.publicStatus(trackingCode, request.getRemoteAddr()).orElseThrow(HelpRequestNotFoundException::new);
    }

    @PostMapping("/help-requests/{trackingCode}/information")
    ResponseEntity<Void> information(@PathVariable String trackingCode, @RequestBody Information body) {
        cases.residentAddsInformation(trackingCode, body == null ? null : body.text());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/help-requests/{trackingCode}/cancellation")
    ResponseEntity<Void> cancel(@PathVariable String trackingCode) {
        cases.residentCancels(trackingCode);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/help-requests/{trackingCode}/confirmation")
    ResponseEntity<Void> confirm(@PathVariable String trackingCode, @RequestBody Confirmation body) {
        cases.residentConfirms(trackingCode, body == null ? null : body.rating());
        return ResponseEntity.noContent().build();
    }
}
