/**
 * Volunteer mobilisation: calls to service (召集令) with posts and shifts, sign-up without overbooking, standing
 * emergency teams and party members reporting to their community, check-in on the day, the append-only ledger of
 * service hours behind the 公益护照, and numbered certificates (志愿服务记录证明). Reads volunteers and organisations
 * through the directory's façades, scopes every list by the caller's data scope ({@code access}), encrypts and masks
 * personal data ({@code privacy}), and tells volunteers by SMS and in-app ({@code notify}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Volunteering",
        allowedDependencies = {"access", "privacy", "platform", "notify", "region", "directory", "requests"})
package org.wushe.volunteering;
