package org.wushe.residents.register;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.wushe.access.AccountNames;
import org.wushe.access.KnownRegions;
import org.wushe.directory.socialworkers.SocialWorkers;
import org.wushe.shared.RegionCode;

/**
 * Names instead of codes on the residents pages: communities (徐汇区 上海新村居委会; the page keeps the code on hover),
 * staff accounts and social workers. Each method answers a whole page's worth in one query.
 */
@Component
public class DisplayNames {

    private final KnownRegions regions;
    private final AccountNames accounts;
    private final SocialWorkers socialWorkers;

    DisplayNames(KnownRegions regions, AccountNames accounts, SocialWorkers socialWorkers) {
        this.regions = regions;
        this.accounts = accounts;
        this.socialWorkers = socialWorkers;
    }

    /** Region code (text) → name, for codes given as text or {@link RegionCode}; unknown or malformed codes left out. */
    public Map<String, String> regions(Collection<?> codes) {
        Map<RegionCode, String> found = regions.names(codes.stream()
                .filter(Objects::nonNull)
                .map(Object::toString)
                .distinct()
                .map(DisplayNames::code)
                .filter(Objects::nonNull)
                .toList());
        Map<String, String> names = new LinkedHashMap<>();
        found.forEach((code, name) -> names.put(code.value(), name));
        return names;
    }

    private static RegionCode code(String text) {
        try {
            return RegionCode.parse(text);
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** Account id → display name. */
    public Map<Long, String> accounts(Collection<Long> ids) {
        return accounts.displayNames(ids);
    }

    /**
     * Username → display name, for the usernames a page records as who did something (assessed, visited, wrote a
     * note); one that names no account (the resident's own check-in, the system) is left out and shown as it is.
     */
    public Map<String, String> users(Collection<String> usernames) {
        return accounts.displayNamesByUsername(
                usernames.stream().filter(Objects::nonNull).distinct().toList());
    }

    /** The social worker's name, or null when the caller may not read them (the page shows the id). */
    public String socialWorker(Long id) {
        if (id == null) {
            return null;
        }
        try {
            return socialWorkers.get(id).name();
        } catch (RuntimeException notReadable) {
            return null;
        }
    }
}
