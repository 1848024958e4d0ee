package org.wushe.directory.volunteers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.wushe.directory.RegionNames;
import org.wushe.directory.Skill;
import org.wushe.platform.PickerOption;
import org.wushe.platform.RateLimits;
import org.wushe.region.RegionPicker;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * The public, phone-first registration (no sign-in): phone → SMS code → form → "submitted". Its own mobile layout,
 * no scripts; the phone travels in the form body, never in a URL. 大字版 is a cookie set by a plain link.
 */
@Controller
@RequestMapping("/volunteer/register")
class VolunteerRegistrationController {

    static final String LARGE_COOKIE = "wushe-large";

    /** Region searches one address may make per minute (typing sends one every few characters). */
    static final int SEARCHES_PER_MINUTE = 120;

    private final Volunteers volunteers;
    private final MessageSource messages;
    private final RegionPicker regionPicker;
    private final RegionNames regionNames;
    private final RateLimits rateLimits;

    VolunteerRegistrationController(
            Volunteers volunteers,
            MessageSource messages,
            RegionPicker regionPicker,
            RegionNames regionNames,
            RateLimits rateLimits) {
        this.volunteers = volunteers;
        this.messages = messages;
        this.regionPicker = regionPicker;
        this.regionNames = regionNames;
        this.rateLimits = rateLimits;
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
        return form(model, new VolunteerForm(), null);
    }

    /**
     * The served-regions picker's options: any region by part of its name (names of places are public; the page
     * has no sign-in and so no scope), limited per address like every public endpoint.
     */
    @GetMapping("/regions")
    String regions(@RequestParam(defaultValue = "") String q, HttpServletRequest request, Model model) {
        rateLimits.hit("volunteer-region-search", request.getRemoteAddr(), SEARCHES_PER_MINUTE, Duration.ofMinutes(1));
        model.addAttribute("q", q.strip());
        model.addAttribute("options", regionPicker.pickPublic(q));
        return "fragments/picker :: options";
    }

    /** The form, with the served regions chosen so far as chips (names) and {@code servedError} under them. */
    private String form(Model model, VolunteerForm form, String servedError) {
        model.addAttribute("form", form);
        List<String> tokens = form.servedTokens();
        Map<String, String> names = regionNames.of(
                tokens.stream().filter(t -> t.matches("\\d{6,12}")).toList());
        model.addAttribute(
                "chosenRegions",
                tokens.stream()
                        .filter(names::containsKey)
                        .map(c -> new PickerOption(Long.parseLong(c), names.get(c), null))
                        .toList());
        // without script the text field is what is submitted: the names, and what was typed that named nothing
        model.addAttribute(
                "servedText",
                String.join(
                        "、", tokens.stream().map(t -> names.getOrDefault(t, t)).toList()));
        model.addAttribute("errors", servedError == null ? Map.of() : Map.of("servedRegions", servedError));
        model.addAttribute("withHtmx", true);
        return "directory/volunteers/volunteer-register-form";
    }

    @PostMapping
    String register(
            @ModelAttribute("form") VolunteerForm form, HttpServletRequest request, Model model, Locale locale) {
        try {
            // names typed without script are looked up near the volunteer's home street (the codes stay as sent)
            form.setServedRegions(
                    String.join(",", regionPicker.resolve(form.servedTokens(), false, home(form.getRegionCode()))));
        } catch (InvalidValueException e) {
            model.addAttribute("phone", form.getPhone());
            return form(model, form, message(e, locale));
        }
        try {
            volunteers.register(form.toRegistration(), request.getRemoteAddr());
        } catch (InvalidValueException e) {
            model.addAttribute("phone", form.getPhone());
            if (e.messageKey().startsWith("directory.volunteer.served.")) {
                return form(model, form, message(e, locale));
            }
            // a bad week-grid cell is shown next to the grid, like any other field's error
            model.addAttribute(
                    e.messageKey().startsWith("directory.volunteer.slot.") ? "slotError" : "error", message(e, locale));
            return form(model, form, null);
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

    private static RegionCode home(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : RegionCode.parse(raw.strip());
        } catch (InvalidValueException malformed) {
            return null;
        }
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

        /** The served regions as submitted: the picker's codes (joined by commas), or names typed without script. */
        List<String> servedTokens() {
            return servedRegions == null
                    ? List.of()
                    : Arrays.stream(servedRegions.split("[,，;；、\\s]+"))
                            .filter(s -> !s.isBlank())
                            .toList();
        }

        VolunteerRegistration toRegistration() {
            List<String> served = servedTokens();
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
