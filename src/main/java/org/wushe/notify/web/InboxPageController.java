package org.wushe.notify.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wushe.notify.web.InboxReader.Entry;

/**
 * The inbox page, and the pieces of the bell in the header: the count htmx polls every 30 seconds and the
 * latest notifications loaded when the bell is opened. Opening one is a POST (it marks it read), then a redirect
 * to where it leads — so it also works without JavaScript.
 */
@Controller
@RequestMapping("/inbox")
class InboxPageController {

    private final InboxReader reader;

    InboxPageController(InboxReader reader) {
        this.reader = reader;
    }

    @GetMapping
    String page(@RequestParam Optional<Long> before, Locale locale, Model model) {
        List<Entry> entries = reader.page(before.orElse(null), InboxReader.PAGE_SIZE + 1, locale);
        model.addAttribute("entries", entries.subList(0, Math.min(entries.size(), InboxReader.PAGE_SIZE)));
        model.addAttribute(
                "older",
                entries.size() > InboxReader.PAGE_SIZE
                        ? entries.get(InboxReader.PAGE_SIZE - 1).id()
                        : null);
        model.addAttribute("unread", reader.unread());
        return "notify/inbox";
    }

    @GetMapping("/count")
    String count(Model model) {
        model.addAttribute("unread", reader.unread());
        return "notify/bell :: count";
    }

    @GetMapping("/latest")
    String latest(Locale locale, Model model) {
        model.addAttribute("entries", reader.page(null, InboxReader.BELL_ITEMS, locale));
        return "notify/bell :: latest";
    }

    @PostMapping("/{id}/read")
    String open(@PathVariable long id, Locale locale) {
        Entry entry = reader.open(id, locale).orElseThrow(() -> new InboxItemNotFoundException(id));
        return "redirect:" + (entry.link() == null ? "/inbox" : entry.link());
    }

    @PostMapping("/read-all")
    String readAll() {
        reader.markAllRead();
        return "redirect:/inbox";
    }
}
