package io.gongkai.aggregation.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/** A division or a department in the hierarchy. */
@Entity
@Table(name = "unit")
public class Unit {

    public static final String NATION_CODE = "CN";
    public static final String NATION_NAME = "全国";

    @Id
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public UnitKind kind;

    @Column(name = "parent_code")
    public String parentCode;

    /** Codes from the nation down to this unit, each followed by '/': {@code CN/64/6404/640402/}. */
    public String ancestry;

    /** Townships and registered departments in the subtree, this unit included when it is one. */
    public int expected;

    /** This unit's code and those of every unit above it, nearest first, ending with {@code CN}. */
    public List<String> lineage() {
        String[] codes = ancestry.split("/");
        List<String> lineage = new ArrayList<>(codes.length);
        for (int i = codes.length - 1; i >= 0; i--) {
            lineage.add(codes[i]);
        }
        return lineage;
    }
}
