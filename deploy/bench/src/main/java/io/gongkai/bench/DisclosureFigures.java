package io.gongkai.bench;

import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellType;
import io.gongkai.contracts.form.Equation;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Rule;
import io.gongkai.contracts.form.Term;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Table 二 (主动公开) as townships fill it in, for any form: each cell drawn by what its column counts, then the
 * form's same-year rules over the table kept (R2.2's zero 规章, 2019's P2.1 newly published ≤ published in all).
 */
final class DisclosureFigures {

    private DisclosureFigures() {
    }

    /** One township's figure for a cell of table 二. */
    static BigDecimal draw(Cell cell, SplittableRandom random) {
        String[] key = cell.key().split("\\.");
        String row = key[key.length - 2];
        String column = key[key.length - 1];
        if (row.equals("regulations")) {
            return BigDecimal.ZERO; // townships make no regulations (R2.2)
        }
        return switch (column) {
            case "issued", "newlyMade", "newlyPublished" -> count(random.nextInt(10) < 7 ? 0 : random.nextInt(1, 6));
            case "repealed" -> count(random.nextInt(10) < 8 ? 0 : random.nextInt(1, 4));
            case "inForce", "totalPublished" -> count(random.nextInt(10) < 4 ? 0 : random.nextInt(1, 60));
            case "decisions" -> count(switch (row) {
                case "licensing" -> skewed(random, 2000);
                case "penalty" -> random.nextInt(10) < 5 ? 0 : skewed(random, 400);
                case "coercion" -> random.nextInt(10) < 8 ? 0 : random.nextInt(1, 30);
                default -> skewed(random, 500);
            });
            case "previousYearItems" -> count(random.nextInt(10) < 5 ? 0 : random.nextInt(1, 80));
            case "projects" -> count(random.nextInt(10) < 7 ? 0 : random.nextInt(1, 10));
            default -> byType(cell, random);
        };
    }

    /**
     * Keeps the same-year rules whose cells all lie in table 二: an equation with nothing on the right (R2.2) zeroes
     * its cells; one cell at most another (P2.1) is lowered to it.
     */
    static void keepRules(FormDefinition form, Map<String, BigDecimal> table) {
        for (Rule rule : form.rules()) {
            if (rule.crossYear()) {
                continue;
            }
            for (Equation equation : rule.equations()) {
                if (!equation.terms().allMatch(term -> table.containsKey(term.cellKey()))) {
                    continue;
                }
                List<Term> left = equation.left();
                List<Term> right = equation.right();
                if (right.isEmpty() && equation.relation() == Equation.Relation.EQUAL) {
                    left.forEach(term -> table.put(term.cellKey(), BigDecimal.ZERO));
                } else if (equation.relation() == Equation.Relation.AT_MOST && left.size() == 1 && right.size() == 1) {
                    table.merge(left.get(0).cellKey(), table.get(right.get(0).cellKey()), BigDecimal::min);
                }
            }
        }
    }

    /** A figure for a column the table above does not name, by what the cell holds. */
    private static BigDecimal byType(Cell cell, SplittableRandom random) {
        return switch (cell.type()) {
            case COUNT -> count(skewed(random, 20));
            case SIGNED_COUNT -> count(random.nextInt(10) < 7 ? 0 : random.nextInt(-5, 6)); // 本年增/减
            case AMOUNT -> amount(random);
        };
    }

    /** Mostly nothing; otherwise up to 50 万元 with up to six decimal places. */
    private static BigDecimal amount(SplittableRandom random) {
        if (random.nextInt(100) >= 15) {
            return BigDecimal.ZERO;
        }
        int scale = random.nextInt(CellType.AMOUNT.maxScale() + 1);
        return BigDecimal.valueOf(random.nextLong(1, 50_000_000L), 6).setScale(scale, RoundingMode.DOWN);
    }

    /** Mostly small, occasionally up to {@code max}. */
    private static long skewed(SplittableRandom random, int max) {
        double u = random.nextDouble();
        return Math.min(max, (long) Math.floor(Math.pow(u, 4) * (max + 1)));
    }

    private static BigDecimal count(long value) {
        return BigDecimal.valueOf(value);
    }
}
