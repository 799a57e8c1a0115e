package io.gongkai.aggregation.repository;

import io.gongkai.aggregation.model.Unit;
import io.gongkai.aggregation.model.UnitKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, String> {

    private static final int INSERT_BATCH = 2_000;

    public List<Unit> findByCodes(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : list("code in ?1", codes);
    }

    /** At most limit children, by code, after skipping offset of them. */
    public List<Unit> children(String code, int offset, int limit) {
        return find("parentCode", Sort.by("code"), code).range(offset, offset + limit - 1).list();
    }

    /** At most limit children, by code, after the given code (empty for the first): pages that nothing shifts. */
    public List<Unit> childrenAfter(String code, String after, int limit) {
        return find("parentCode = ?1 and code > ?2", Sort.by("code"), code, after).page(0, limit).list();
    }

    public long countChildren(String code) {
        return count("parentCode", code);
    }

    /**
     * Units whose name contains the text or whose code starts with it, the nation first, then each level down (a
     * department last), each level by code; at most limit. The text is matched literally: LIKE's wildcards in it
     * are escaped.
     */
    public List<Unit> search(String text, int limit) {
        String literal = text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return find("name like ?1 escape '!' or code like ?2 escape '!' order by case kind"
                        + " when io.gongkai.aggregation.model.UnitKind.NATION then 0"
                        + " when io.gongkai.aggregation.model.UnitKind.PROVINCE then 1"
                        + " when io.gongkai.aggregation.model.UnitKind.CITY then 2"
                        + " when io.gongkai.aggregation.model.UnitKind.COUNTY then 3"
                        + " when io.gongkai.aggregation.model.UnitKind.TOWNSHIP then 4 else 5 end, code",
                "%" + literal + "%", literal.toUpperCase(Locale.ROOT) + "%").range(0, limit - 1).list();
    }

    public long countDivisions() {
        return count("kind <> ?1", UnitKind.DEPARTMENT);
    }

    public Set<String> allCodes() {
        return new HashSet<>(getEntityManager().createQuery("select u.code from Unit u", String.class)
                .getResultList());
    }

    /** Townships and departments in the subtree of a unit (itself included), in hierarchy order, at most limit. */
    public List<Unit> expectedUnder(Unit unit, int limit) {
        return find("ancestry like ?1 and kind in ?2", Sort.by("ancestry"), unit.ancestry + "%",
                List.of(UnitKind.TOWNSHIP, UnitKind.DEPARTMENT)).page(0, limit).list();
    }

    /** Adds to the expected count of each unit named (a department registered below them). */
    public void addExpected(Collection<String> codes, int delta) {
        update("expected = expected + ?1 where code in ?2", delta, codes);
    }

    /** Inserts many units at once through one batched statement (the division table on first start). */
    public void insertAll(List<Unit> units) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO unit (code, name, kind, parent_code, ancestry, expected) VALUES (?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Unit unit : units) {
                    insert.setString(1, unit.code);
                    insert.setString(2, unit.name);
                    insert.setString(3, unit.kind.name());
                    insert.setString(4, unit.parentCode);
                    insert.setString(5, unit.ancestry);
                    insert.setInt(6, unit.expected);
                    insert.addBatch();
                    if (++pending == INSERT_BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }
}
