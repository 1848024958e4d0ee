package org.wushe.residents.register;

import java.util.List;

/** A household of the register with the members the caller may see. */
record Household(long id, String communityCode, String address, List<Member> members) {

    /** The head's name, as people name a household (张秀英家); null when the head is not among the visible members. */
    public String headName() {
        return members.stream()
                .filter(m -> "HEAD".equals(m.relation()))
                .map(Member::name)
                .findFirst()
                .orElse(null);
    }

    /** A member: masked ID number and the relation to the household head. */
    public record Member(long residentId, String name, String maskedIdNumber, String relation, boolean voided) {}
}
