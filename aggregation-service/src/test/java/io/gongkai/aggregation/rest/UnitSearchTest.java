package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Finding a unit by part of its name or the start of its code, as the dashboard's search box does. */
@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestSecurity(user = "dashboard", roles = Roles.READER)
class UnitSearchTest {

    private static JsonPath search(String q) {
        return given().queryParam("q", q).when().get("/api/v1/units/search").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aNameFindsTheUnitWithTheChainAboveIt() {
        JsonPath found = search("原州");

        assertThat(found.getString("q")).isEqualTo("原州");
        assertThat(found.getList("units.unit.code", String.class)).containsExactly("640402");
        assertThat(found.getList("units[0].ancestors.name", String.class)).containsExactly("全国", "宁夏回族自治区", "固原市");
        assertThat(found.getBoolean("more")).isFalse();
    }

    @Test
    void aCodePrefixFindsTheUnitFirstThenTheLevelsBelowItByCode() {
        JsonPath found = search("6404");

        List<String> codes = found.getList("units.unit.code", String.class);
        assertThat(codes.get(0)).isEqualTo("6404");
        assertThat(codes).hasSize(20).allMatch(code -> code.startsWith("6404"));
        List<Integer> levels = codes.stream().map(String::length).toList();
        assertThat(levels).isSorted();
        assertThat(codes.subList(1, 6)).isSorted();
        assertThat(found.getBoolean("more")).isTrue();
    }

    @Test
    void aCommonNameListsAtMostTwentyNamesakesEachWithItsCounty() {
        JsonPath found = search("城关镇");

        assertThat(found.getList("units")).hasSize(20);
        assertThat(found.getBoolean("more")).isTrue();
        assertThat(found.getList("units.unit.kind", String.class)).containsOnly("TOWNSHIP");
        assertThat(found.getList("units.ancestors", List.class)).allMatch(chain -> chain.size() == 4);
    }

    @Test
    void wildcardsAreMatchedLiterally() {
        assertThat(search("%").getList("units")).isEmpty();
        assertThat(search("_").getList("units")).isEmpty();
        assertThat(search("!").getList("units")).isEmpty();
    }

    @Test
    void injectionsAreOnlyTextThatNoUnitContains() {
        for (String q : List.of("' OR '1'='1", "1; DROP TABLE unit; --", "<img src=x onerror=1>", "${jndi:ldap://x/a}", "CN' --")) {
            assertThat(search(q).getList("units")).as(q).isEmpty();
        }
        assertThat(search("原州").getList("units")).hasSize(1);
    }

    @Test
    void theNationIsFoundByItsCodeAndByItsName() {
        assertThat(search("cn").getList("units.unit.code", String.class)).containsExactly("CN");
        assertThat(search("全国").getList("units.unit.code", String.class)).containsExactly("CN");
    }

    @Test
    void aMissingBlankOrOverlongSearchIsRefusedNamingTheParameter() {
        for (String q : new String[] {"", "   ", "原".repeat(41)}) {
            given().queryParam("q", q).when().get("/api/v1/units/search").then().statusCode(400)
                    .contentType(Problem.MEDIA_TYPE).body("detail", containsString("q must be"));
        }
        given().when().get("/api/v1/units/search").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400));
    }
}
