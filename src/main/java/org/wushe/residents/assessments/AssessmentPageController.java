package org.wushe.residents.assessments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.residents.register.DisplayNames;
import org.wushe.residents.register.FieldErrors;
import org.wushe.residents.register.InvalidFieldsException;
import org.wushe.residents.register.Residents;

/** A resident's assessments: the history, the form (every bad field marked), and one assessment (audited view). */
@Controller
@RequestMapping("/residents/{id:\\d+}/assessments")
class AssessmentPageController {

    private final Residents residents;
    private final Assessments assessments;
    private final MessageSource messages;
    private final DisplayNames names;

    AssessmentPageController(Residents residents, Assessments assessments, MessageSource messages, DisplayNames names) {
        this.names = names;
        this.residents = residents;
        this.assessments = assessments;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable long id, Model model) {
        return page(id, model, AssessmentForm.empty(), Map.of());
    }

    @PostMapping
    String record(
            @PathVariable long id,
            @ModelAttribute AssessmentForm form,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            var a = assessments.record(id, form.toDraft());
            redirect.addFlashAttribute(
                    "notice", a.selfHarm() ? "residents.assessment.done.alerted" : "residents.assessment.done");
            return "redirect:/residents/" + id + "/assessments/" + a.id();
        } catch (InvalidFieldsException e) {
            return page(id, model, form, FieldErrors.messages(e, messages, locale));
        }
    }

    @GetMapping("/{assessment:\\d+}")
    String one(@PathVariable long id, @PathVariable long assessment, Model model) {
        model.addAttribute("resident", residents.get(id));
        AssessmentDetails a = assessments.get(id, assessment);
        model.addAttribute("a", a);
        model.addAttribute("userNames", names.users(List.of(a.assessedBy())));
        return "residents/assessments/assessment";
    }

    private String page(long id, Model model, AssessmentForm form, Map<String, String> errors) {
        model.addAttribute("resident", residents.get(id));
        List<AssessmentDetails> history = assessments.history(id);
        model.addAttribute("history", history);
        model.addAttribute(
                "userNames",
                names.users(history.stream().map(AssessmentDetails::assessedBy).toList()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mobilities", Assessments.Mobility.values());
        model.addAttribute("cognitions", Assessments.Cognition.values());
        model.addAttribute("canWrite", residents.callerMayWrite());
        return "residents/assessments/assessments";
    }

    /** The posted form: item answers as phq9[0..8] and gad7[0..6]. */
    record AssessmentForm(
            Integer foodDays,
            Integer medicineDays,
            String mobility,
            String chronicConditions,
            List<Integer> phq9,
            List<Integer> gad7,
            String cognition,
            Boolean psychoticSymptoms,
            String notes) {

        static AssessmentForm empty() {
            return new AssessmentForm(null, null, "INDEPENDENT", null, null, null, "NORMAL", false, null);
        }

        AssessmentDraft toDraft() {
            return new AssessmentDraft(
                    foodDays,
                    medicineDays,
                    mobility,
                    chronicConditions,
                    padded(phq9, 9),
                    padded(gad7, 7),
                    cognition,
                    psychoticSymptoms == null ? Boolean.FALSE : psychoticSymptoms,
                    notes);
        }

        /** An unanswered item arrives as a gap; keep the positions so the error names the right item. */
        private static List<Integer> padded(List<Integer> answers, int items) {
            List<Integer> out = new ArrayList<>(answers == null ? List.of() : answers);
            if (out.size() < items) {
                out.addAll(Collections.nCopies(items - out.size(), null));
            }
            return out;
        }

        /** The answer of item {@code i} (0-based) for re-showing the form, or -1. */
        public int phq9At(int i) {
            return phq9 != null && i < phq9.size() && phq9.get(i) != null ? phq9.get(i) : -1;
        }

        public int gad7At(int i) {
            return gad7 != null && i < gad7.size() && gad7.get(i) != null ? gad7.get(i) : -1;
        }
    }
}
