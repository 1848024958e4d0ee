package org.wushe.requests;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.OrgType;
import org.wushe.directory.organisations.OrganisationDraft;
import org.wushe.directory.organisations.Organisations;
import org.wushe.directory.socialworkers.SocialWorkerDraft;
import org.wushe.directory.socialworkers.SocialWorkers;
import org.wushe.directory.volunteers.VolunteerRegistration;
import org.wushe.directory.volunteers.Volunteers;
import org.wushe.privacy.CryptoService;

/** Directory records the help-request tests assign and refer to, created through the directory's façades. */
public final class RequestFixtures {

    public static final Staff ADMIN =
            Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().named("requests-fixtures");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final AtomicLong NEXT =
            new AtomicLong(ThreadLocalRandom.current().nextLong(0, 15_000_000));

    private RequestFixtures() {}

    public static String idNumber() {
        long n = NEXT.getAndIncrement();
        String body = "320102" + "19" + String.format("%02d", 50 + n % 40) + "0101" + String.format("%03d", n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }

    public static long organisation(Organisations organisations, OrgType type, String name, String region) {
        return ADMIN.call(() -> organisations.create(
                new OrganisationDraft(type.name(), name, null, region, "上海市某路1号", "王芳", null, null, List.of())));
    }

    public static long socialWorker(SocialWorkers workers, String name, String region, String specialty) {
        return ADMIN.call(() -> workers.create(new SocialWorkerDraft(
                name,
                idNumber(),
                null,
                "SOCIAL_WORKER",
                null,
                List.of(specialty),
                false,
                null,
                "ON_DUTY",
                region,
                List.of(),
                List.of(region))));
    }

    /** Registers and approves a volunteer (the SMS code read from the outbox); returns the volunteer's id. */
    public static long volunteer(
            Volunteers volunteers, JdbcClient jdbc, CryptoService crypto, String name, String region) {
        String phone = RequestTestData.phone();
        volunteers.requestCode(phone, RequestTestData.address());
        String code = RequestTestData.find(RequestTestData.lastSms(jdbc, crypto, phone), "验证码是(\\d{6})");
        long id = volunteers.register(
                new VolunteerRegistration(
                        name,
                        idNumber(),
                        phone,
                        code,
                        List.of("DRIVING"),
                        region,
                        List.of(),
                        "随时",
                        null,
                        null,
                        Volunteers.PRIVACY_NOTICE_VERSION),
                RequestTestData.address());
        ADMIN.call(() -> volunteers.approve(id));
        return id;
    }
}
