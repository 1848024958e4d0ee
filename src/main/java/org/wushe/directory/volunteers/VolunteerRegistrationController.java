package org.wushe.directory.volunteers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wushe.directory.Skill;
import org.wushe.shared.InvalidValueException;

/**
 * The public, phone-first registration (no sign-in): phone → SMS code → form → "submitted". Its own mobile layout,
 * no scripts; the phone travels in the form body, never in a URL. 大字版 is a cookie set by a plain link.
 */
@Controller
@RequestMapping("/volunteer/register")
class VolunteerRegistrationController {

    static final String LARGE_COOKIE = "wushe-large";

    private final Volunteers volunteers;
    private final MessageSource messages;

    VolunteerRegistrationController(Volunteers volunteers, MessageSource messages) {
        this.volunteers = volunteers;
        this.messages = messages;
    }

    @ModelAttribute
    void common(@CookieValue(name = LARGE_COOKIE, required = false) String large, Model model) {
        model.addAttribute("large", "1".equals(large));
        model.addAttribute("skills", Skill.values());
        model.addAttribute("noticeVersion", Volunteers.PRIVACY_NOTICE_VERSION);
    }

    @GetMapping
    String phoneStep() {
        return "directory/volunteers/volunteer-register";
    }

    @PostMapping("/code")
    String sendCode(
            @RequestParam(defaultValue = "") String phone, HttpServletRequest request, Model model, Locale locale) {
        try {
            model.addAttribute(
                    "phone",
                    volunteers.requestCode(phone, request.getRemoteAddr()).value());
        } catch (InvalidValueException e) {
            model.addAttribute("error", message(e, locale));
            model.addAttribute("phoneValue", phone);
            return "directory/volunteers/volunteer-register";
        }
        model.addAttribute("form", new VolunteerForm());
        return "directory/volunteers/volunteer-register-form";
    }

    @PostMapping
    String register(
            @ModelAttribute("form") VolunteerForm form, HttpServletRequest request, Model model, Locale locale) {
        try {
            volunteers.register(form.toRegistration(), request.getRemoteAddr());
        } catch (InvalidValueException e) {
            // a bad week-grid cell is shown next to the grid, like any other field's error
            model.addAttribute(
                    e.messageKey().startsWith("directory.volunteer.slot.") ? "slotError" : "error", message(e, locale));
            model.addAttribute("phone", form.getPhone());
            return "directory/volunteers/volunteer-register-form";
        }
        return "redirect:/volunteer/register/done";
    }

    @GetMapping("/done")
    String done() {
        return "directory/volunteers/volunteer-registered";
    }

    /** 大字版 on or off, remembered for a year; back to the first step. */
    @GetMapping("/font")
    String font(@RequestParam(defaultValue = "0") String large, HttpServletResponse response) {
        setLarge(large, response);
        return "redirect:/volunteer/register";
    }

    static void setLarge(String large, HttpServletResponse response) {
        boolean on = "1".equals(large);
        response.addHeader(
                "Set-Cookie",
                ResponseCookie.from(LARGE_COOKIE, on ? "1" : "0")
                        .path("/volunteer")
                        .maxAge(Duration.ofDays(365))
                        .httpOnly(true)
                        .sameSite("Lax")
                        .build()
                        .toString());
    }

    private String message(InvalidValueException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
    }

    /** The registration form (step 2). */
    public static class VolunteerForm {
        private String name;
        private String idNumber;
        private String phone;
        private String code;
        private List<String> skills = List.of();
        private String regionCode;
        private String servedRegions;
        private String availability;
        private String emergencyName;
        private String emergencyPhone;
        private String consentVersion;
        private List<String> weeklySlots = List.of();

        VolunteerRegistration toRegistration() {
            List<String> served = servedRegions == null
                    ? List.of()
                    : Arrays.stream(servedRegions.split("[,，\\s]+"))
                            .filter(s -> !s.isBlank())
                            .toList();
            return new VolunteerRegistration(
                    name,
                    idNumber,
                    phone,
                    code,
                    skills,
                    regionCode,
                    served,
                    availability,
                    emergencyName,
                    emergencyPhone,
                    consentVersion,
                    weeklySlots);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getIdNumber() {
            return idNumber;
        }

        public void setIdNumber(String idNumber) {
            this.idNumber = idNumber;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public List<String> getSkills() {
            return skills;
        }

        public void setSkills(List<String> skills) {
            this.skills = skills == null ? List.of() : skills;
        }

        public String getRegionCode() {
            return regionCode;
        }

        public void setRegionCode(String regionCode) {
            this.regionCode = regionCode;
        }

        public String getServedRegions() {
            return servedRegions;
        }

        public void setServedRegions(String servedRegions) {
            this.servedRegions = servedRegions;
        }

        public String getAvailability() {
            return availability;
        }

        public void setAvailability(String availability) {
            this.availability = availability;
        }

        public String getEmergencyName() {
            return emergencyName;
        }

        public void setEmergencyName(String emergencyName) {
            this.emergencyName = emergencyName;
        }

        public String getEmergencyPhone() {
            return emergencyPhone;
        }

        public void setEmergencyPhone(String emergencyPhone) {
            this.emergencyPhone = emergencyPhone;
        }

        public String getConsentVersion() {
            return consentVersion;
        }

        public void setConsentVersion(String consentVersion) {
            this.consentVersion = consentVersion;
        }

        public List<String> getWeeklySlots() {
            return weeklySlots;
        }

        public void setWeeklySlots(List<String> weeklySlots) {
            this.weeklySlots = weeklySlots == null ? List.of() : weeklySlots;
        }
    }
}
