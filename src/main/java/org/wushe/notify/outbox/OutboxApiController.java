package org.wushe.notify.outbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.notify.outbox.OutboxOverview.Count;
import org.wushe.notify.outbox.OutboxOverview.Message;

/** The outbox view's API: counts, messages (masked, no text) and retry of a failed message. */
@RestController
@RequestMapping("/api/v1/notify/outbox")
@Tag(name = "SMS outbox", description = "Text messages by status and kind; failures and retries (civil-affairs admins)")
class OutboxApiController {

    private final OutboxOverview outbox;

    OutboxApiController(OutboxOverview outbox) {
        this.outbox = outbox;
    }

    record Overview(List<Count> counts, List<Message> messages) {}

    record Retried(long id, boolean retried) {}

    @GetMapping
    @Operation(
            summary = "Counts by kind and status, and the newest messages (filter by status, kind; page with before)")
    Overview list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Long before) {
        return new Overview(outbox.counts(), outbox.messages(status, kind, before));
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Queue a failed message again (audited); retried=false when it is not failed")
    Retried retry(@PathVariable long id) {
        return new Retried(id, outbox.retry(id));
    }
}
