package org.wushe.requests.intake;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.requests.Channel;

/** Requests recorded by staff or forwarded by another system on the API (session or bearer token). */
@RestController
@RequestMapping("/api/v1/help-requests")
class IntakeApiController {

    record Recorded(Intake request, Channel channel) {}

    record Receipt(long id, String trackingCode, String priority, String status) {
        static Receipt of(Submission s) {
            return new Receipt(
                    s.id(), s.trackingCode(), s.priority().name(), s.status().name());
        }
    }

    private final HelpRequests requests;

    IntakeApiController(HelpRequests requests) {
        this.requests = requests;
    }

    /** Staff record a call, a group message or a visit (channel HOTLINE, ONLINE_GROUP or WALK_IN). */
    @PostMapping
    ResponseEntity<Receipt> record(@RequestBody Recorded body) {
        Submission s = requests.record(body.request(), body.channel());
        return ResponseEntity.created(URI.create("/api/v1/help-requests/" + s.id()))
                .body(Receipt.of(s));
    }

    /** Forwarding systems such as the 12345 hotline platform (API client with PERM_HELP_REQUESTS_SUBMIT). */
    @PostMapping("/forwarded")
    ResponseEntity<Receipt> forwarded(@RequestBody Intake body) {
        Submission s = requests.forward(body);
        return ResponseEntity.status(s.existing() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/help-requests/" + s.id()))
                .body(Receipt.of(s));
    }
}
