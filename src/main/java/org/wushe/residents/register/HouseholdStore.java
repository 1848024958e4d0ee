package org.wushe.residents.register;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.access.DataScope;
import org.wushe.shared.RegionCode;

/** Households and their members, scoped by community like the residents. */
@Repository
class HouseholdStore {

    private final JdbcClient jdbc;
    private final ResidentCipher cipher;

    HouseholdStore(JdbcClient jdbc, ResidentCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public long create(RegionCode community, String address) {
        return jdbc.sql("insert into residents_household (community_code, address) values (?, ?) returning id")
                .params(community.value(), address)
                .query(Long.class)
                .single();
    }

    public Optional<RegionCode> communityIfVisible(DataScope scope, long id) {
        var p = scope.regionPredicate("community_code");
        return jdbc.sql("select community_code from residents_household where id = :id and " + p.sql())
                .params(p.params())
                .param("id", id)
                .query(String.class)
                .optional()
                .map(RegionCode::parse);
    }

    public void link(long residentId, Long householdId, String relation) {
        jdbc.sql("update residents_resident set household_id = ?, household_relation = ?, version = version + 1"
                        + " where id = ?")
                .params(householdId, relation, residentId)
                .update();
    }

    public Optional<Household> find(DataScope scope, long id) {
        var p = scope.regionPredicate("community_code");
        var rp = scope.regionPredicate("r.community_code");
        return jdbc.sql("select id, community_code, address from residents_household where id = :id and " + p.sql())
                .params(p.params())
                .param("id", id)
                .query((rs, n) -> new Household(rs.getLong(1), rs.getString(2), rs.getString(3), List.of()))
                .optional()
                .map(h -> new Household(
                        h.id(),
                        h.communityCode(),
                        h.address(),
                        jdbc.sql("""
                        select r.id, r.name, r.id_number_cipher, r.household_relation, r.voided_at is not null
                        from residents_resident r where r.household_id = :hid and\s""" + rp.sql() + " order by r.id")
                                .params(rp.params())
                                .param("hid", id)
                                .query((rs, n) -> new Household.Member(
                                        rs.getLong(1),
                                        rs.getString(2),
                                        cipher.maskedIdNumber(rs.getBytes(3)),
                                        rs.getString(4),
                                        rs.getBoolean(5)))
                                .list()));
    }

    /** A household as the picker lists it: the head's name (null when none is live) and the address. */
    record Pick(long id, String communityCode, String headName, String address) {}

    /**
     * For the picker: households of {@code community} in scope whose address or a live member's name is like
     * {@code pattern} (or whose id is {@code id}), at most {@code limit}. Only one community: a resident joins a
     * household of their own community.
     */
    public List<Pick> pick(DataScope scope, RegionCode community, String pattern, Long id, int limit) {
        var p = scope.regionPredicate("h.community_code");
        return jdbc.sql("""
                        select h.id, h.community_code, h.address, (select r.name from residents_resident r
                            where r.household_id = h.id and r.household_relation = 'HEAD' and r.voided_at is null
                            order by r.id limit 1) as head
                        from residents_household h where h.community_code = :community and\s""" + p.sql() + """
                         and (h.address like :pattern escape '\\' or h.id = cast(:id as bigint) or exists (
                            select 1 from residents_resident r where r.household_id = h.id and r.voided_at is null
                            and r.name like :pattern escape '\\'))
                        order by h.id limit :limit""")
                .params(p.params())
                .param("community", community.value())
                .param("pattern", pattern)
                .param("id", id)
                .param("limit", limit)
                .query((rs, n) -> new Pick(rs.getLong(1), rs.getString(2), rs.getString(4), rs.getString(3)))
                .list();
    }
}
