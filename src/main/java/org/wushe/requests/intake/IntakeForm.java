package org.wushe.requests.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wushe.requests.Category;

/** The intake form (public page and staff "record a call"); answers are the questions ticked "yes". */
class IntakeForm {
    private String category;
    private String description;
    private String forWhom = "SELF";
    private String communityCode;
    private String address;
    private String phone;
    private String code;
    private String urgency;
    private List<String> answers = List.of();
    private String submissionKey;
    private String channel;

    /** Only the chosen category's questions count (the page lists all of them when scripts are off). */
    Intake toIntake() {
        Map<String, Boolean> yes = new LinkedHashMap<>();
        Category chosen = null;
        try {
            chosen = category == null ? null : Category.valueOf(category);
        } catch (IllegalArgumentException e) {
            chosen = null;
        }
        if (chosen != null) {
            for (String q : chosen.questions()) {
                yes.put(q, answers.contains(q));
            }
        }
        return new Intake(
                category, description, forWhom, communityCode, address, phone, code, urgency, yes, submissionKey);
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getForWhom() {
        return forWhom;
    }

    public void setForWhom(String forWhom) {
        this.forWhom = forWhom;
    }

    public String getCommunityCode() {
        return communityCode;
    }

    public void setCommunityCode(String communityCode) {
        this.communityCode = communityCode;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
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

    public String getUrgency() {
        return urgency;
    }

    public void setUrgency(String urgency) {
        this.urgency = urgency;
    }

    public List<String> getAnswers() {
        return answers;
    }

    public void setAnswers(List<String> answers) {
        this.answers = answers == null ? List.of() : answers;
    }

    public String getSubmissionKey() {
        return submissionKey;
    }

    public void setSubmissionKey(String submissionKey) {
        this.submissionKey = submissionKey;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }
}
