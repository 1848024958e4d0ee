package org.wushe.residents.cases;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.residents.register.DisplayNames;
import org.wushe.residents.register.Residents;

/** Case work pages: cases in scope, a resident's cases, one case with its stages and (for those allowed) notes. */
@Controller
class CasePageController {

    private final Residents residents;
    private final Cases cases;
    private final DisplayNames names;

    CasePageController(Residents residents, Cases cases, DisplayNames names) {
        this.names = names;
        this.residents = residents;
        this.cases = cases;
    }

    @GetMapping("/residents/cases")
    String all(@RequestParam(required = false) CaseStage stage, Model model) {
        List<CaseDetails> all = cases.list(null, stage);
        model.addAttribute("cases", all);
        model.addAttribute(
                "regionNames",
                names.regions(all.stream().map(CaseDetails::communityCode).toList()));
        model.addAttribute("stages", CaseStage.values());
        model.addAttribute("stage", stage);
        return "residents/cases/cases";
    }

    @GetMapping("/residents/{id:\\d+}/cases")
    String ofResident(@PathVariable long id, Model model) {
        model.addAttribute("resident", residents.get(id));
        model.addAttribute("cases", cases.list(id, null));
        model.addAttribute("canWrite", residents.callerMayWrite());
        return "residents/cases/resident-cases";
    }

    @PostMapping("/residents/{id:\\d+}/cases")
    String open(
            @PathVariable long id,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) Long worker,
            @RequestParam(required = false) Long supervisor,
            RedirectAttributes redirect) {
        long caseId = cases.open(id, title, worker, supervisor);
        redirect.addFlashAttribute("notice", "residents.case.done.open");
        return "redirect:/residents/cases/" + caseId;
    }

    @GetMapping("/residents/cases/{caseId:\\d+}")
    String one(@PathVariable long caseId, Model model) {
        var c = cases.get(caseId);
        model.addAttribute("c", c);
        model.addAttribute("regionNames", names.regions(List.of(c.communityCode())));
        var ids = new ArrayList<Long>();
        ids.add(c.workerAccountId());
        if (c.supervisorAccountId() != null) {
            ids.add(c.supervisorAccountId());
        }
        model.addAttribute("accountNames", names.accounts(ids));
        model.addAttribute("stages", CaseStage.values());
        model.addAttribute("next", c.stage().next().orElse(null));
        List<CaseNote> notes = c.canSeeNotes() ? cases.notes(caseId) : null;
        model.addAttribute("notes", notes);
        List<String> users = new ArrayList<>();
        c.transitions().forEach(t -> users.add(t.by()));
        if (notes != null) {
            notes.forEach(n -> users.add(n.writtenBy()));
        }
        model.addAttribute("userNames", names.users(users));
        return "residents/cases/case";
    }

    @PostMapping("/residents/cases/{caseId:\\d+}/stage")
    String advance(
            @PathVariable long caseId, @RequestParam(required = false) CaseStage target, RedirectAttributes redirect) {
        cases.advance(caseId, target);
        redirect.addFlashAttribute("notice", "residents.case.done.advance");
        return "redirect:/residents/cases/" + caseId;
    }

    @PostMapping("/residents/cases/{caseId:\\d+}/notes")
    String note(@PathVariable long caseId, @RequestParam(required = false) String body, RedirectAttributes redirect) {
        cases.addNote(caseId, body);
        redirect.addFlashAttribute("notice", "residents.case.done.note");
        return "redirect:/residents/cases/" + caseId;
    }
}
