package org.wushe.requests.intake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The searchable part of an address. The full address is encrypted (it says where a sick or frightened person
 * is); staff still need "who asked from 建国西路100弄?". We keep the street, lane and building in clear text —
 * shared by every household in the building, so it identifies nobody — and drop the room/flat and anything
 * after it: {@code 建国西路100弄3号502室} → {@code 建国西路100弄3号}.
 */
final class AddressSearch {

    private static final Pattern UNIT =
            Pattern.compile("(\\d+\\s*(单元|室|户|层|楼(?!号)))|(\\d+-\\d+)|([A-Za-z]?\\d{3,4}\\s*$)");

    private AddressSearch() {}

    static String searchablePart(String address) {
        String a = address.strip();
        Matcher m = UNIT.matcher(a);
        String kept = m.find() ? a.substring(0, m.start()) : a;
        kept = kept.strip();
        return kept.length() > 200 ? kept.substring(0, 200) : kept;
    }
}
