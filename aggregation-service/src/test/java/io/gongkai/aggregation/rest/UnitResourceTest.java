package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.support.IntakeStub;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.security.Roles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(IntakeStub.class)
@TestSecurity(user = "dashboard", roles = {Roles.READER, Roles.ADMIN})
class UnitResourceTest {

    @Test
    void theWholeDivisionTableIsLoadedUnderTheNation() {
        JsonPath provinces = given().when().get("/api/v1/units?parent=CN").then().statusCode(200).extract().jsonPath();
        assertThat(provinces.getList("units.code", String.class)).hasSize(31).contains("11", "64", "65");
        assertThat(provinces.getLong("total")).isEqualTo(31);
        assertThat(provinces.getString("parent.code")).isEqualTo("CN");

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
        assertThat(yuanzhou.getLong("childCount")).isEqualTo(14);

        JsonPath townships = given().when().get("/api/v1/units?parent=640402").then().statusCode(200).extract().jsonPath();
        assertThat(townships.getList("units.code", String.class)).hasSize(14).contains("640402100").isSorted();
        assertThat(townships.getList("units.kind", String.class)).containsOnly("TOWNSHIP");
    }

    @Test
    void aLongListIsReadInPagesThatTogetherHoldEveryUnitOnce() {
        List<String> all = given().when().get("/api/v1/units?parent=CN&size=500").then().statusCode(200)
                .extract().jsonPath().getList("units.code", String.class);
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            JsonPath answer = given().queryParam("parent", "CN").queryParam("page", page).queryParam("size", 10)
                    .when().get("/api/v1/units").then().statusCode(200).extract().jsonPath();
            assertThat(answer.getInt("page")).isEqualTo(page);
            assertThat(answer.getInt("size")).isEqualTo(10);
            assertThat(answer.getLong("total")).isEqualTo(31);
            paged.addAll(answer.getList("units.code", String.class));
        }
        assertThat(paged).isEqualTo(all).hasSize(31).doesNotHaveDuplicates();
        given().when().get("/api/v1/units?parent=CN&page=4&size=10")
                .then().statusCode(200).body("units", equalTo(List.of())).body("total", equalTo(31));
    }

    @Test
    void aPageLargerThanTheBoundOrNotANumberIsRefusedNamingTheParameter() {
        given().when().get("/api/v1/units?parent=CN&size=501").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("size"));
        given().when().get("/api/v1/units?parent=CN&page=-1").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("page"));
        given().when().get("/api/v1/units?parent=CN&size=1e3").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("size"));
    }

    @Test
    void withoutAParentTheTopOfTheHierarchyIsListed() {
        given().when().get("/api/v1/units")
                .then().statusCode(200).body("units.code", equalTo(List.of("CN"))).body("total", equalTo(1))
                .body("parent", equalTo(null));
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
