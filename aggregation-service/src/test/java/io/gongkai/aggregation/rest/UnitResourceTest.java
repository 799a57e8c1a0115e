package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.divisions.DivisionTable;
import io.quarkus.test.common.QuarkusTestResource;
import io.gongkai.contracts.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestSecurity(user = "dashboard", roles = {Roles.READER, Roles.ADMIN})
class UnitResourceTest {

    @Test
    void theWholeDivisionTableIsLoadedUnderTheNation() {
        List<String> provinces = given().when().get("/api/v1/units?parent=CN")
                .then().statusCode(200).extract().jsonPath().getList("code");
        assertThat(provinces).hasSize(31).contains("11", "64", "65");

        JsonPath beijing = given().when().get("/api/v1/units/11").then().statusCode(200).extract().jsonPath();
        long beijingTownships = DivisionTable.national().all().stream()
                .filter(d -> d.code().length() == 9 && d.code().startsWith("11")).count();
        assertThat(beijing.getLong("unit.expected")).isEqualTo(beijingTownships);
    }

    @Test
    void aDistrictShowsItsAncestorsFromTheNationDownAndItsTownships() {
        JsonPath yuanzhou = given().when().get("/api/v1/units/640402").then().statusCode(200).extract().jsonPath();

        assertThat(yuanzhou.getString("unit.name")).isEqualTo("原州区");
        assertThat(yuanzhou.getString("unit.kind")).isEqualTo("COUNTY");
        assertThat(yuanzhou.getString("unit.parentCode")).isEqualTo("6404");
        assertThat(yuanzhou.getInt("unit.expected")).isEqualTo(14);
        assertThat(yuanzhou.getList("ancestors.code")).containsExactly("CN", "64", "6404");
        assertThat(yuanzhou.getList("children.code")).hasSize(14).contains("640402100").isSorted();
        assertThat(yuanzhou.getList("children.kind")).containsOnly("TOWNSHIP");
    }

    @Test
    void withoutAParentTheTopOfTheHierarchyIsListed() {
        given().when().get("/api/v1/units")
                .then().statusCode(200).body("code", equalTo(List.of("CN")));
    }

    @Test
    void anUnknownUnitIsAProblem() {
        given().when().get("/api/v1/units/999999")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404)).body("type", equalTo("/problems/unknown-unit"))
                .body("instance", equalTo("/api/v1/units/999999"));
        given().when().get("/api/v1/units?parent=999999")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("status", equalTo(404));
    }
}
