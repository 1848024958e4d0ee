package org.wushe.requests.worklist;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.wushe.directory.socialworkers.SocialWorkers;
import org.wushe.platform.ChinaTime;
import org.wushe.platform.XlsxDownload;
import org.wushe.requests.Category;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.IntakePlaces;
import org.wushe.requests.Priority;
import org.wushe.shared.InvalidValueException;

/**
 * The live worklist (htmx polls the first page every few seconds and swaps it only when asked), "my requests"
 * for assignees, and the xlsx export of a filtered list.
 */
@Controller
@RequestMapping("/requests")
class WorklistPageController {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Worklist worklist;
    private final IntakePlaces places;
    private final SocialWorkers socialWorkers;
    private final MessageSource messages;
    private final Clock clock;

    WorklistPageController(
            Worklist worklist, IntakePlaces places, SocialWorkers socialWorkers, MessageSource messages, Clock clock) {
        this.worklist = worklist;
        this.places = places;
        this.socialWorkers = socialWorkers;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String worklist(
            @ModelAttribute("query") WorklistQuery query,
            Model model,
            Locale locale,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        Map<String, InvalidValueException> refused = new LinkedHashMap<>();
        Map<String, InvalidValueException> unresolved = new LinkedHashMap<>();
        resolveWorker(query, unresolved);
        WorklistFilter filter = query.toFilter(refused);
        refused.putAll(unresolved); // the name that names nobody, rather than "not a number"
        // a filter that cannot be read shows its error under the field and lists nothing; the rest stays as typed
        model.addAttribute(
                "page", refused.isEmpty() ? worklist.worklist(filter) : new WorklistPage(List.of(), null, 0, false));
        model.addAttribute("errors", errors(refused, locale));
        model.addAttribute("workerName", workerName(query));
        model.addAttribute("places", places);
        model.addAttribute("statuses", HelpRequestStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("now", clock.instant());
        return htmx != null ? "requests/worklist/worklist :: rows" : "requests/worklist/worklist";
    }

    @GetMapping("/mine")
    String mine(@ModelAttribute("query") WorklistQuery query, Model model, Locale locale) {
        Map<String, InvalidValueException> refused = new LinkedHashMap<>();
        WorklistFilter filter = query.toFilter(refused);
        model.addAttribute(
                "page", refused.isEmpty() ? worklist.mine(filter) : new WorklistPage(List.of(), null, 0, false));
        model.addAttribute("errors", errors(refused, locale));
        model.addAttribute("places", places);
        model.addAttribute("now", clock.instant());
        return "requests/worklist/mine";
    }

    /**
     * The social-worker filter as the picker sent it: an id stays, a name typed without script becomes the id of
     * the one worker of that name in scope (so the links carry the id), or a message under the field.
     */
    private void resolveWorker(WorklistQuery query, Map<String, InvalidValueException> refused) {
        if (query.workerIsName()) {
            try {
                query.setWorker(socialWorkers.resolve(query.getWorker()).toString());
            } catch (InvalidValueException e) {
                refused.put("worker", e);
            }
        }
    }

    /** The chosen worker's name for the picker's field (none for an id outside the caller's scope). */
    private String workerName(WorklistQuery query) {
        String w = query.getWorker() == null ? "" : query.getWorker().strip();
        return w.matches("\\d{1,18}")
                ? socialWorkers.visibleName(Long.parseLong(w)).orElse(null)
                : null;
    }

    private Map<String, String> errors(Map<String, InvalidValueException> refused, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.forEach((field, e) ->
                errors.put(field, messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale)));
        return errors;
    }

    @GetMapping("/export")
    void export(@ModelAttribute WorklistQuery query, HttpServletResponse response, Locale locale) throws IOException {
        List<String> headers = List.of(
                        "requests.column.code",
                        "requests.column.category",
                        "requests.column.priority",
                        "requests.column.status",
                        "requests.column.channel",
                        "requests.column.region",
                        "requests.column.regionCode",
                        "requests.column.area",
                        "requests.column.submitted",
                        "requests.column.handledBy",
                        "requests.column.overdue")
                .stream()
                .map(k -> messages.getMessage(k, null, k, locale))
                .toList();
        try (XlsxDownload sheet = new XlsxDownload(messages.getMessage("requests.nav.list", null, locale), headers)) {
            worklist.export(
                    query.toFilter(),
                    r -> sheet.row(
                            r.trackingCode(),
                            messages.getMessage("requests.category." + r.category(), null, locale),
                            r.priority().name(),
                            messages.getMessage("requests.status." + r.status(), null, locale),
                            messages.getMessage("requests.channel." + r.channel(), null, locale),
                            places.label(r.regionCode()),
                            r.regionCode().value(),
                            r.addressArea(),
                            MINUTES.format(r.submittedAt().atZone(ChinaTime.ZONE)),
                            r.handledBy(),
                            r.overdue() ? "✔" : ""));
            sheet.sendAs(response, "help-requests", clock);
        }
    }
}
