package org.wushe.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.shared.RegionCode;

/**
 * The public face of the station that covers a place (issue 15 item 11): its name and the phone it publishes, for
 * the resident's status page, which has no signed-in caller. Only what the station publishes is returned, so the
 * look-up needs no scope; a contact person's phone (personal, encrypted) never leaves the directory this way.
 */
@Service
public class StationContacts {

    /** A station's name and published number; {@code telUri} is what a phone dials ({@code tel:02164123456}). */
    public record StationContact(String name, String phone, String telUri) {}

    private final JdbcClient jdbc;

    StationContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The active station nearest to {@code place} that publishes a phone: located at the place or one of its
     * ancestors, or serving one of them; the deepest such region wins (the street's station before a district's),
     * then the oldest station. Empty when no covering station publishes a number.
     */
    @Transactional(readOnly = true)
    public Optional<StationContact> covering(RegionCode place) {
        List<String> codes = new ArrayList<>(
                place.ancestors().stream().map(RegionCode::value).toList());
        codes.add(place.value());
        // both branches read an index range per code (region_idx, organisation_region_code_idx), not the directory
        return jdbc.sql("""
                        select o.name, o.public_phone, max(length(c.code)) as depth
                        from directory_organisation o
                        join (select id as organisation_id, region_code as code from directory_organisation
                                where region_code = any(:codes) and type = 'STATION'
                              union
                              select organisation_id, region_code from directory_organisation_region
                                where region_code = any(:codes)) c on c.organisation_id = o.id
                        where o.type = 'STATION' and o.status = 'ACTIVE' and o.public_phone is not null
                        group by o.id, o.name, o.public_phone
                        order by depth desc, o.id
                        limit 1""")
                .param("codes", codes.toArray(String[]::new))
                .query((rs, n) -> new StationContact(rs.getString(1), rs.getString(2), telUri(rs.getString(2))))
                .optional();
    }

    /**
     * The {@code tel:} URI of a number as the directory stores it ({@code 021-64123456}, {@code 021-64123456-12},
     * {@code 400-820-1234}, {@code 12345}): the digits, and an extension after a pause (a comma), which the phone
     * dials once the call connects.
     */
    public static String telUri(String display) {
        if (display == null) {
            return null;
        }
        String[] parts = display.split("-");
        boolean landlineWithExtension = parts.length == 3 && parts[0].startsWith("0");
        return landlineWithExtension ? "tel:" + parts[0] + parts[1] + "," + parts[2] : "tel:" + String.join("", parts);
    }
}
