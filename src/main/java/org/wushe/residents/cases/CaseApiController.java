package org.wushe.residents.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.shared.InvalidValueException;

@Tag(name = "Resident care", description = "Assessments, visits, daily check-ins and case work of the register")
@RestController
@RequestMapping("/api/v1/residents")
class CaseApiController {

    private final Cases cases;

    CaseApiController(Cases cases) {
        this.cases = cases;
    }

    @Operation(summary = "Cases in scope (optionally of one stage)")
    @GetMapping("/cases")
    List<CaseDetails> cases(@RequestParam(required = false) CaseStage stage) {
        return cases.list(null, stage);
    }

    @GetMapping("/{id}/cases")
    List<CaseDetails> casesOf(@PathVariable long id) {
        return cases.list(id, null);
    }

    @Operation(summary = "Open a case (接案): {\"title\": …, \"worker\": account id, \"supervisor\": account id}")
    @PostMapping("/{id}/cases")
    @ResponseStatus(HttpStatus.CREATED)
    CaseDetails open(@PathVariable long id, @RequestBody Map<String, Object> body) {
        return cases.get(cases.open(
                id,
                body.get("title") == null ? null : body.get("title").toString(),
                number(body.get("worker")),
                number(body.get("supervisor"))));
    }

    @GetMapping("/cases/{caseId}")
    CaseDetails caseDetails(@PathVariable long caseId) {
        return cases.get(caseId);
    }

    @Operation(
            summary = "Move a case to the next stage: {\"stage\": \"ASSESSMENT\"|…|\"CLOSED\"}; out of order is "
                    + "refused with a message naming the expected stage")
    @PostMapping("/cases/{caseId}/stage")
    CaseDetails advance(@PathVariable long caseId, @RequestBody Map<String, String> body) {
        CaseStage target;
        try {
            target = CaseStage.valueOf(body.getOrDefault("stage", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("residents.case.stage.required");
        }
        return cases.advance(caseId, target);
    }

    @Operation(
            summary = "The case notes: the assigned worker, the supervisor or an admin in scope only (403 "
                    + "otherwise); each reading is audited")
    @GetMapping("/cases/{caseId}/notes")
    List<CaseNote> notes(@PathVariable long caseId) {
        return cases.notes(caseId);
    }

    @PostMapping("/cases/{caseId}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    void note(@PathVariable long caseId, @RequestBody Map<String, String> body) {
        cases.addNote(caseId, body.get("body"));
    }

    private static Long number(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }
}
