package org.wushe.residents.verification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.wushe.privacy.CryptoService;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.residents.register.ResidentCipher;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.Name;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.PlainText;
import org.wushe.shared.ResidentIdNumber;

/**
 * Checks one row of a list in Java — ID number (GB 11643 check digit), phone, lengths, category, community,
 * duplicates within the file by blind index — and turns a valid row into a {@link StagedRow} (ID number and phone
 * encrypted for the task table). A bad row yields every reason, each prefixed with its column header.
 */
final class ListRows {

    /** The list's columns, in template order. */
    static final List<String> COLUMNS =
            List.of("name", "idNumber", "phone", "address", "category", "source", "community");

    static final String TABLE = "residents_verification_task";
    /** The register's purpose: a task finds its resident by comparing the two blind indexes in SQL. */
    static final String ID_INDEX_PURPOSE = ResidentCipher.ID_NUMBER_INDEX;

    private final CryptoService crypto;
    private final CommunityResolver communities;
    private final Function<String, String> header;
    private final Function<InvalidValueException, String> text;
    private final Map<String, String> categories = new HashMap<>();
    private final IndexSet seen = new IndexSet();
    private final int[] columnOf = new int[COLUMNS.size()];

    /**
     * @param header column key → its header text; @param text a problem → its message (in the file's language)
     * @param categoryLabel category → its label, accepted besides the code
     */
    ListRows(
            CryptoService crypto,
            CommunityResolver communities,
            Function<String, String> header,
            Function<InvalidValueException, String> text,
            Function<VulnerabilityCategory, String> categoryLabel) {
        this.crypto = crypto;
        this.communities = communities;
        this.header = header;
        this.text = text;
        for (VulnerabilityCategory c : VulnerabilityCategory.values()) {
            categories.put(c.name(), c.name());
            categories.put(categoryLabel.apply(c), c.name());
        }
    }

    /** Finds the columns by header; @throws InvalidValueException listing the required columns missing */
    void header(List<String> cells) {
        List<String> stripped =
                cells.stream().map(c -> c == null ? "" : c.strip()).toList();
        for (int i = 0; i < COLUMNS.size(); i++) {
            columnOf[i] = stripped.indexOf(header.apply(COLUMNS.get(i)));
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("name", "idNumber")) {
            if (columnOf[COLUMNS.indexOf(required)] < 0) {
                missing.add(header.apply(required));
            }
        }
        if (columnOf[COLUMNS.indexOf("community")] < 0 && columnOf[COLUMNS.indexOf("address")] < 0) {
            missing.add(header.apply("community"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidValueException("import.file.columns", String.join("、", missing));
        }
    }

    /** The row ready for staging, or the reasons it is rejected (exactly one of the two is non-null). */
    Result check(int rowNumber, List<String> cells) {
        List<String> reasons = new ArrayList<>(2);
        String name = cell(cells, 0);
        if (name.isEmpty()) {
            reasons.add(reason("name", new InvalidValueException("residents.campaign.import.name.required")));
        } else if (name.codePointCount(0, name.length()) > 50) {
            reasons.add(reason("name", new InvalidValueException("residents.campaign.import.tooLong", 50)));
        } else {
            try {
                name = Name.parse(name).value();
            } catch (InvalidValueException e) {
                reasons.add(reason("name", e));
            }
        }
        ResidentIdNumber id = null;
        try {
            id = ResidentIdNumber.parse(cell(cells, 1));
        } catch (InvalidValueException e) {
            reasons.add(reason("idNumber", e));
        }
        PhoneNumber phone = null;
        String rawPhone = cell(cells, 2);
        if (!rawPhone.isEmpty()) {
            try {
                phone = PhoneNumber.parse(rawPhone);
            } catch (InvalidValueException e) {
                reasons.add(reason("phone", e));
            }
        }
        String address = cell(cells, 3);
        if (address.length() > 200) {
            reasons.add(reason("address", new InvalidValueException("residents.campaign.import.tooLong", 200)));
        } else {
            // a control character (NUL above all) would make the staging COPY fail the whole list
            textProblem(address).ifPresent(e -> reasons.add(reason("address", e)));
        }
        String category = cell(cells, 4);
        if (!category.isEmpty()) {
            String code = categories.get(category);
            if (code == null) {
                reasons.add(
                        reason("category", new InvalidValueException("residents.campaign.import.category", category)));
            }
            category = code;
        }
        String source = cell(cells, 5);
        if (source.length() > 100) {
            reasons.add(reason("source", new InvalidValueException("residents.campaign.import.tooLong", 100)));
        } else {
            // a control character (NUL above all) would make the staging COPY fail the whole list
            textProblem(source).ifPresent(e -> reasons.add(reason("source", e)));
        }
        String community = null;
        try {
            community = communities.resolve(cell(cells, 6), address);
        } catch (InvalidValueException e) {
            reasons.add(reason("community", e));
        }
        byte[] index = null;
        if (id != null) {
            index = crypto.blindIndex(ID_INDEX_PURPOSE, id.value());
            int first = seen.addIfAbsent(index, rowNumber);
            if (first != 0) {
                reasons.add(reason(
                        "idNumber",
                        new InvalidValueException("residents.campaign.import.duplicate", String.valueOf(first))));
            }
        }
        if (!reasons.isEmpty()) {
            return new Result(null, String.join("；", reasons));
        }
        return new Result(
                new Valid(
                        rowNumber,
                        community,
                        index,
                        id.value(),
                        name,
                        phone == null ? null : phone.value(),
                        address.isEmpty() ? null : address,
                        category == null || category.isEmpty() ? null : category,
                        source.isEmpty() ? null : source),
                null);
    }

    /** The row as it goes to staging: ID number and phone encrypted for the task table (the costly part). */
    StagedRow stage(Valid v) {
        return new StagedRow(
                v.sourceRow(),
                v.communityCode(),
                v.idNumberIndex(),
                crypto.encrypt(v.idNumber(), TABLE, "id_number_cipher"),
                v.name(),
                v.phone() == null ? null : crypto.encrypt(v.phone(), TABLE, "phone_cipher"),
                v.address(),
                v.category(),
                v.listSource());
    }

    /** A valid row, values still clear. */
    record Valid(
            int sourceRow,
            String communityCode,
            byte[] idNumberIndex,
            String idNumber,
            String name,
            String phone,
            String address,
            String category,
            String listSource) {}

    private String cell(List<String> cells, int column) {
        int c = columnOf[column];
        if (c < 0 || c >= cells.size() || cells.get(c) == null) {
            return "";
        }
        return cells.get(c).strip();
    }

    private static Optional<InvalidValueException> textProblem(String s) {
        try {
            PlainText.parse(s);
            return Optional.empty();
        } catch (InvalidValueException e) {
            return Optional.of(e);
        }
    }

    private String reason(String column, InvalidValueException problem) {
        return header.apply(column) + "：" + text.apply(problem);
    }

    /** A valid row, or the reasons (joined) a row was rejected. */
    record Result(Valid row, String reasons) {}
}
