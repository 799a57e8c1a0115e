package io.gongkai.contracts.divisions;

/**
 * One administrative division of the 2023 statistical division codes.
 *
 * @param code       2, 4, 6 or 9 digits
 * @param name       registered name, e.g. 三营镇
 * @param level      province, city, county or township
 * @param parentCode the code of the division above, or null for a province
 */
public record Division(String code, String name, DivisionLevel level, String parentCode) {
}
