package org.wushe.directory.volunteers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.directory.VolunteerStatus;

/** The JSON counterpart of the registration and review pages. */
@RestController
class VolunteerApiController {

    private final Volunteers volunteers;
    private final VolunteerActivations activations;
    private final VolunteerExport export;

    VolunteerApiController(Volunteers volunteers, VolunteerActivations activations, VolunteerExport export) {
        this.volunteers = volunteers;
        this.activations = activations;
        this.export = export;
    }

    /** The volunteers in the caller's scope (of a status, if given) as xlsx, names masked; the export is audited. */
    @GetMapping("/api/v1/volunteers/export")
    void export(@RequestParam(required = false) VolunteerStatus status, HttpServletResponse response, Locale locale)
            throws IOException {
        export.write(status, response, locale);
    }

    /** Public: sends an SMS code to {"phone": "..."}. */
    @PostMapping("/api/v1/volunteer-registrations/codes")
    ResponseEntity<Void> code(@RequestBody Map<String, String> body, HttpServletRequest request) {
        volunteers.requestCode(body.get("phone"), request.getRemoteAddr());
        return ResponseEntity.accepted().build();
    }

    /** Public: submits a registration (with the code); 201 and the id. */
    @PostMapping("/api/v1/volunteer-registrations")
    ResponseEntity<Map<String, Object>> register(
            @RequestBody VolunteerRegistration registration, HttpServletRequest request) {
        long id = volunteers.register(registration, request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/volunteers/" + id))
                .body(Map.of("id", id, "status", VolunteerStatus.PENDING));
    }

    /**
     * Public: step 1 of an account activation, {"idNumber": "...", "phone": "..."}; always 202 for well-formed
     * input — an SMS code goes out only if an approved volunteer without an account has this ID number and phone.
     */
    @PostMapping("/api/v1/volunteer-activations/codes")
    ResponseEntity<Void> activationCode(@RequestBody Map<String, String> body, HttpServletRequest request) {
        activations.requestCode(body.get("idNumber"), body.get("phone"), request.getRemoteAddr());
        return ResponseEntity.accepted().build();
    }

    /**
     * Public: step 2, {"idNumber", "phone", "code", "password"}; 201 and the username (the passport number,
     * lower-cased) to sign in with. A mismatch, an existing account or a volunteer not approved: 400, one message.
     */
    @PostMapping("/api/v1/volunteer-activations")
    ResponseEntity<Map<String, Object>> activate(@RequestBody Map<String, String> body, HttpServletRequest request) {
        String username = activations.activate(
                body.get("idNumber"),
                body.get("phone"),
                body.get("code"),
                body.get("password"),
                body.get("password"),
                request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/volunteers/me")).body(Map.of("username", username));
    }

    @GetMapping("/api/v1/volunteers")
    List<VolunteerRow> list(@RequestParam(required = false) VolunteerStatus status) {
        return volunteers.list(status);
    }

    @GetMapping("/api/v1/volunteers/{id:\\d+}")
    VolunteerDetails get(@PathVariable long id) {
        return volunteers.get(id);
    }

    @PostMapping("/api/v1/volunteers/{id:\\d+}/approval")
    Map<String, String> approve(@PathVariable long id) {
        return Map.of("passportNo", volunteers.approve(id));
    }

    @PostMapping("/api/v1/volunteers/{id:\\d+}/rejection")
    ResponseEntity<Void> reject(@PathVariable long id, @RequestBody Map<String, String> body) {
        volunteers.reject(id, body.get("reason"));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/volunteers/me")
    VolunteerDetails mine() {
        return volunteers.mine();
    }

    /**
     * The volunteer's own skills and availability: {"skills": [...], "availability": "...",
     * "weeklySlots": ["MONDAY_EVENING", ...]} (weeklySlots left out = unchanged, [] = none).
     */
    @org.springframework.web.bind.annotation.PutMapping("/api/v1/volunteers/me")
    VolunteerDetails updateMine(@RequestBody ProfileChange change) {
        volunteers.updateMine(change.skills(), change.availability(), change.weeklySlots());
        return volunteers.mine();
    }

    record ProfileChange(List<String> skills, String availability, List<String> weeklySlots) {}
}
