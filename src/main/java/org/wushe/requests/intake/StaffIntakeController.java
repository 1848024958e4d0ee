package org.wushe.requests.intake;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.wushe.requests.Category;
import org.wushe.requests.Channel;
import org.wushe.requests.ForWhom;
import org.wushe.requests.IntakePlaces;
import org.wushe.requests.Urgency;

/** Staff record a request on behalf of a caller (hotline, community group message, walk-in), then see its page. */
@Controller
@RequestMapping("/requests/new")
class StaffIntakeController {

    private final HelpRequests requests;
    private final IntakePlaces places;
    private final MessageSource messages;

    StaffIntakeController(HelpRequests requests, IntakePlaces places, MessageSource messages) {
        this.requests = requests;
        this.places = places;
        this.messages = messages;
    }

    @GetMapping
    String newForm(Model model) {
        IntakeForm form = new IntakeForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        return recordPage(form, model);
    }

    @PostMapping
    String record(@ModelAttribute("form") IntakeForm form, Model model, Locale locale, HttpServletResponse response) {
        Submission s;
        try {
            Channel channel = form.getChannel() == null || form.getChannel().isBlank()
                    ? null
                    : Channel.valueOf(form.getChannel());
            s = requests.record(form.toIntake(), channel);
        } catch (IntakeRejectedException e) {
            model.addAttribute("errors", FieldErrors.of(e, messages, locale));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return recordPage(form, model);
        }
        return "redirect:/requests/" + s.id();
    }

    private String recordPage(IntakeForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("categories", Category.values());
        model.addAttribute("forWhoms", ForWhom.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("channels", List.of(Channel.HOTLINE, Channel.ONLINE_GROUP, Channel.WALK_IN));
        model.addAttribute("city", places.city());
        return "requests/intake/new";
    }
}
