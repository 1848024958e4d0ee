package org.wushe.residents.visits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
class VisitApiController {

    private final Visits visits;

    VisitApiController(Visits visits) {
        this.visits = visits;
    }

    @Operation(summary = "A resident's visits with notes (the view is audited)")
    @GetMapping("/{id}/visits")
    List<VisitDetails> visits(@PathVariable long id) {
        return visits.history(id);
    }

    @Operation(
            summary = "Record a visit: {\"kind\": \"PHONE\"|\"VIDEO\"|\"HOME\", \"visitedAt\": ISO instant or "
                    + "null for now, \"notes\": …}")
    @PostMapping("/{id}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> visit(@PathVariable long id, @RequestBody Map<String, String> body) {
        Instant at;
        try {
            at = body.get("visitedAt") == null ? null : Instant.parse(body.get("visitedAt"));
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("error.parameter.invalid", "visitedAt");
        }
        return Map.of("id", visits.record(id, VisitKind.parse(body.get("kind")), at, body.get("notes")));
    }

    @Operation(summary = "Residents whose visit plan is behind (scoped; page 1-based; size 10/20/50/100)")
    @GetMapping("/visits/overdue")
    OverduePage overdue(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        return visits.overdue(page, size);
    }
}
