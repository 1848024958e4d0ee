package org.wushe.notify.outbox;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.notify.MessageKind;
import org.wushe.notify.outbox.OutboxOverview.Count;
import org.wushe.notify.outbox.OutboxOverview.Message;

/**
 * /notify/outbox: a kind × status table of counts on top, then the messages filtered by status and kind (filters in
 * the URL), failures with the provider's code, and a retry button on each failed one.
 */
@Controller
@RequestMapping("/notify/outbox")
class OutboxPageController {

    static final List<String> STATUS_ORDER = List.of("PENDING", "SENDING", "SENT", "DELIVERED", "FAILED");

    private final OutboxOverview outbox;

    OutboxPageController(OutboxOverview outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Long before,
            Model model) {
        List<Count> counts = outbox.counts();
        Map<String, Map<String, Long>> table = new TreeMap<>();
        for (Count c : counts) {
            table.computeIfAbsent(c.kind(), k -> new TreeMap<>()).put(c.status(), c.count());
        }
        List<Message> messages = outbox.messages(status, kind, before);
        model.addAttribute("table", table);
        model.addAttribute("statuses", STATUS_ORDER);
        model.addAttribute(
                "kinds",
                Arrays.stream(MessageKind.values()).map(MessageKind::key).toList());
        model.addAttribute("messages", messages);
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute(
                "older",
                messages.size() == OutboxOverview.PAGE
                        ? messages.get(messages.size() - 1).id()
                        : null);
        return "notify/outbox";
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", outbox.retry(id) ? "notify.outbox.retried" : "notify.outbox.notFailed");
        return "redirect:/notify/outbox?status=FAILED";
    }
}
