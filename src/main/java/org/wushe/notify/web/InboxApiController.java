package org.wushe.notify.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Inbox", description = "The signed-in staff member's in-app notifications")
@RestController
@RequestMapping("/api/v1/inbox")
class InboxApiController {

    private final InboxReader reader;

    InboxApiController(InboxReader reader) {
        this.reader = reader;
    }

    @Operation(summary = "The unread count and the notifications, newest first (before = keyset cursor)")
    @GetMapping
    InboxView list(@RequestParam Optional<Long> before, @RequestParam(defaultValue = "20") int limit, Locale locale) {
        return new InboxView(
                reader.unread(),
                reader.page(before.orElse(null), limit, locale).stream()
                        .map(e -> new ItemView(
                                e.id(), e.text(), e.messageKey(), e.args(), e.link(), e.createdAt(), !e.unread()))
                        .toList());
    }

    @Operation(summary = "Marks one notification read (404 when it is not the caller's)")
    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable long id, Locale locale) {
        reader.open(id, locale).orElseThrow(() -> new InboxItemNotFoundException(id));
    }

    record InboxView(long unread, List<ItemView> items) {}

    record ItemView(
            long id,
            String message,
            String messageKey,
            List<String> args,
            String link,
            Instant createdAt,
            boolean read) {}
}
