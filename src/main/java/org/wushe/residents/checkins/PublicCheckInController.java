package org.wushe.residents.checkins;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.wushe.platform.RateLimits;
import org.wushe.shared.InvalidValueException;

/**
 * The resident's daily check-in page (no sign-in; the personal link is the key) and its API. Light and
 * mobile-first: two big buttons, no script, works on any phone browser. Rate-limited per client address.
 */
@Controller
class PublicCheckInController {

    static final int PER_MINUTE = 30;

    private final CheckIns checkIns;
    private final RateLimits rateLimits;

    PublicCheckInController(CheckIns checkIns, RateLimits rateLimits) {
        this.checkIns = checkIns;
        this.rateLimits = rateLimits;
    }

    @GetMapping("/check-in/{token}")
    String page(@PathVariable String token, Model model, HttpServletRequest request) {
        limit(request);
        var view = checkIns.view(token);
        if (view.isEmpty()) {
            model.addAttribute("unknown", true);
            return "residents/checkins/check-in-public";
        }
        model.addAttribute("view", view.get());
        model.addAttribute("token", token);
        return "residents/checkins/check-in-public";
    }

    @PostMapping("/check-in/{token}")
    String checkIn(
            @PathVariable String token,
            @RequestParam(required = false) CheckInStatus status,
            Model model,
            HttpServletRequest request) {
        limit(request);
        boolean done = checkIns.checkInByLink(token, status);
        model.addAttribute(done ? "done" : "unknown", status == null ? true : status);
        return "residents/checkins/check-in-public";
    }

    @Operation(
            summary = "A resident's daily check-in through their personal link (no sign-in): "
                    + "{\"status\": \"WELL\" | \"NEEDS_HELP\"}; 404 for an unknown or stopped link")
    @PostMapping("/api/v1/check-in/{token}")
    @ResponseBody
    ResponseEntity<Map<String, Object>> api(
            @PathVariable String token, @RequestBody Map<String, String> body, HttpServletRequest request) {
        limit(request);
        CheckInStatus status;
        try {
            status = CheckInStatus.valueOf(body == null || body.get("status") == null ? "" : body.get("status"));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("residents.checkIn.status.required");
        }
        if (!checkIns.checkInByLink(token, status)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("checkedIn", false));
        }
        return ResponseEntity.ok(Map.of("checkedIn", true, "status", status));
    }

    private void limit(HttpServletRequest request) {
        rateLimits.hit("residents-check-in", request.getRemoteAddr(), PER_MINUTE, Duration.ofMinutes(1));
    }
}
