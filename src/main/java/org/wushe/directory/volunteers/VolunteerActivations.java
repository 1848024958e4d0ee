package org.wushe.directory.volunteers;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.Accounts;
import org.wushe.directory.volunteers.VolunteerStore.Volunteer;
import org.wushe.notify.MessageKind;
import org.wushe.notify.Notifications;
import org.wushe.platform.RateLimits;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.ResidentIdNumber;

/**
 * Self-service activation of an account by a volunteer who has none — a station imported them APPROVED with a
 * 公益护照号 but opened no account. Public and phone-first: ID number + phone → SMS code → a password of their
 * choosing → a VOLUNTEER account in the volunteer's region, username the passport number lower-cased, linked to
 * the volunteer in the same transaction. The volunteer is matched by the ID number's AND the phone's blind index;
 * a mismatch, a volunteer that already has an account or one not APPROVED all end in the same neutral answer, and
 * the first step answers the same way whether or not a code went out (a code is stored either way, bound to the
 * pair, but sent only on a match), so nobody learns from it who is registered. Rate-limited like registration.
 */
@Service
class VolunteerActivations {

    static final String ACTOR = "volunteer-self";
    static final String NO_MATCH = "directory.volunteer.activate.noMatch";
    static final int CODES_PER_PHONE_PER_HOUR = Volunteers.CODES_PER_PHONE_PER_HOUR;
    static final int CODES_PER_ADDRESS_PER_HOUR = Volunteers.CODES_PER_ADDRESS_PER_HOUR;
    static final int ACTIVATIONS_PER_ADDRESS_PER_HOUR = Volunteers.REGISTRATIONS_PER_ADDRESS_PER_HOUR;

    private final VolunteerStore store;
    private final PhoneCodes codes;
    private final Notifications notifications;
    private final RateLimits rateLimits;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final CryptoService crypto;
    private final Clock clock;
    private final String activationUrl;

    VolunteerActivations(
            VolunteerStore store,
            PhoneCodes codes,
            Notifications notifications,
            RateLimits rateLimits,
            Accounts accounts,
            CryptoService crypto,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${wushe.volunteer.activation-url:/volunteer/activate}") String activationUrl) {
        this.store = store;
        this.crypto = crypto;
        this.codes = codes;
        this.notifications = notifications;
        this.rateLimits = rateLimits;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.activationUrl = activationUrl;
    }

    /** Where a volunteer activates their account (the invitation SMS and the pages name it). */
    public String activationUrl() {
        return activationUrl;
    }

    /**
     * Step 1 (public): if an APPROVED volunteer without an account has this ID number and this phone, texts a
     * 6-digit code to the phone. Answers the same either way (the caller says: if the details match, a code was
     * sent); only badly formed input is refused. Rate-limited per address and per phone.
     */
    @Transactional
    public void requestCode(String rawIdNumber, String rawPhone, String clientAddress) {
        rateLimits.hit(
                "volunteer-activation-code-address",
                address(clientAddress),
                CODES_PER_ADDRESS_PER_HOUR,
                Duration.ofHours(1));
        ResidentIdNumber id = ResidentIdNumber.parse(rawIdNumber);
        PhoneNumber phone = mobile(rawPhone);
        rateLimits.hit(
                "volunteer-activation-code-phone",
                crypto.rateLimitKey("phone", phone.value()),
                CODES_PER_PHONE_PER_HOUR,
                Duration.ofHours(1));
        String code = codes.issue(codes.activationKey(phone, id), clock.instant());
        if (store.findActivatable(id, phone).isPresent()) {
            notifications.send(phone, MessageKind.VOLUNTEER_ACTIVATION_CODE, code);
        }
    }

    /**
     * Step 2 (public): checks the code, then opens the account with the chosen password and links it to the
     * volunteer, all in one transaction; returns the username (the passport number, lower-cased). A wrong code
     * counts a try; a used code is gone; a mismatch, an existing account or a volunteer not APPROVED give
     * {@value #NO_MATCH}. The volunteer is told by SMS that their account was opened.
     */
    @Transactional
    public String activate(
            String rawIdNumber,
            String rawPhone,
            String code,
            String password,
            String confirmation,
            String clientAddress) {
        rateLimits.hit(
                "volunteer-activation-address",
                address(clientAddress),
                ACTIVATIONS_PER_ADDRESS_PER_HOUR,
                Duration.ofHours(1));
        ResidentIdNumber id = ResidentIdNumber.parse(rawIdNumber);
        PhoneNumber phone = mobile(rawPhone);
        if (password == null || !password.equals(confirmation)) {
            throw new InvalidValueException("directory.volunteer.activate.confirmation");
        }
        byte[] key = codes.activationKey(phone, id);
        codes.verify(key, code, clock.instant());
        Volunteer v = store.findActivatable(id, phone).orElseThrow(() -> new InvalidValueException(NO_MATCH));
        String username = v.passportNo().toLowerCase(Locale.ROOT);
        long accountId;
        try {
            accountId = accounts.createActivatedVolunteerAccount(
                    username, v.name(), phone, v.regionCode(), password, ACTOR);
        } catch (InvalidValueException e) {
            if ("access.account.usernameTaken".equals(e.messageKey())) {
                throw new InvalidValueException(NO_MATCH);
            }
            throw e; // the password policy: the person may try another password with the same code
        }
        if (!store.linkAccount(v.id(), accountId)) {
            throw new InvalidValueException(NO_MATCH);
        }
        codes.consume(key);
        notifications.send(phone, MessageKind.VOLUNTEER_ACTIVATED, username);
        events.publishEvent(new Activity(
                clock.instant(),
                ACTOR,
                AuditAction.UPDATE,
                "volunteer",
                Long.toString(v.id()),
                v.regionCode(),
                clientAddress,
                "self-service account activation",
                List.of("accountId")));
        return username;
    }

    /** The variables of the invitation an imported volunteer receives (sent in batches by the import). */
    List<String> invitation(String passportNo) {
        return List.of(passportNo, activationUrl);
    }

    private static PhoneNumber mobile(String raw) {
        PhoneNumber phone = PhoneNumber.parse(raw);
        if (!phone.isMobile()) {
            throw new InvalidValueException("directory.volunteer.phone.mobile");
        }
        return phone;
    }

    private static String address(String clientAddress) {
        return clientAddress == null ? "unknown" : clientAddress;
    }
}
