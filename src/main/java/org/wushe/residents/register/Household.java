package org.wushe.residents.register;

import java.util.List;

/** A household of the register with the members the caller may see. */
record Household(long id, String communityCode, String address, List<Member> members) {

    /** A member: masked ID number and the relation to the household head. */
    public record Member(long residentId, String name, String maskedIdNumber, String relation, boolean voided) {
    }
}
