package io.gongkai.intake.rest;

import io.gongkai.contracts.security.Roles;
import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.gongkai.intake.Tables;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token's claims must be what its roles need, or it is refused; a caller may do what any of its roles may do, and
 * writing always needs the submitter's scope, whatever other roles come with it.
 */
@QuarkusTest
class ScopeAndRolesTest {

    private static final String IN_SCOPE = "640402105";
    private static final String IN_SCOPE_NAME = "原州区张易镇";
    private static final String OUT_OF_SCOPE = "640422100";
    private static final String OUT_OF_SCOPE_NAME = "西吉县吉强镇";

    @Inject
    Tables tables;

    static Stream<Arguments> malformedScopes() {
        return Stream.of(
                Arguments.of("a number", 640402),
                Arguments.of("an array", List.of("640402")),
                Arguments.of("an object", Map.of("prefix", "640402")),
                Arguments.of("a boolean", true),
                Arguments.of("an empty string", ""),
                Arguments.of("letters", "ningxia"),
                Arguments.of("too long", "6404021001"),
                Arguments.of("one digit", "6"),
                Arguments.of("full-width digits", "６４０４０２"),
                Arguments.of("missing", null));
    }

    @ParameterizedTest(name = "a submitter whose unit_prefix is {0} is refused, whatever it writes")
    @MethodSource("malformedScopes")
    void aSubmitterWithAMalformedScopeIsRefused(String shape, Object unitPrefix) {
        for (Set<String> roles : List.of(Set.of(Roles.SUBMITTER), Set.of(Roles.SUBMITTER, Roles.AUDITOR),
                Set.of(Roles.SUBMITTER, Roles.ADMIN))) {
            String token = Api.token(roles, unitPrefix);
            Map<String, Long> before = tables.snapshot();
            for (String unit : List.of(IN_SCOPE, OUT_OF_SCOPE)) {
                String body = Reports.text(Reports.busy(unit, unit.equals(IN_SCOPE) ? IN_SCOPE_NAME : OUT_OF_SCOPE_NAME,
                        2022));
                Api.as(token).contentType(JSON).body(body).when().post("/api/v1/submissions")
                        .then().statusCode(403).contentType("application/problem+json");
                Api.as(token).contentType(JSON).body(body).when().post("/api/v1/submissions/validate")
                        .then().statusCode(403).contentType("application/problem+json");
            }
            assertThat(tables.snapshot()).as(shape + " " + roles).isEqualTo(before);
        }
    }

    static Stream<Arguments> roleMixes() {
        return Stream.of(
                Arguments.of(Set.of(Roles.SUBMITTER, Roles.AUDITOR), 403, 200),
                Arguments.of(Set.of(Roles.SUBMITTER, Roles.ADMIN), 403, 403),
                Arguments.of(Set.of(Roles.SUBMITTER, Roles.READER), 403, 403),
                Arguments.of(Set.of(Roles.SUBMITTER, Roles.SERVICE), 403, 403),
                Arguments.of(Set.of(Roles.SUBMITTER, Roles.AUDITOR, Roles.ADMIN, Roles.READER, Roles.SERVICE), 403, 200),
                Arguments.of(Set.of(Roles.AUDITOR, Roles.ADMIN), 403, 200),
                Arguments.of(Set.of("superuser", "root"), 403, 403));
    }

    @ParameterizedTest(name = "{0}: outside the scope, submit answers {1} and validate {2}")
    @MethodSource("roleMixes")
    void writingOutsideTheScopeIsRefusedWhateverRolesComeWithIt(Set<String> roles, int submit, int validate) {
        String token = Api.token(roles, "640402");
        String body = Reports.text(Reports.busy(OUT_OF_SCOPE, OUT_OF_SCOPE_NAME, 2022));
        Map<String, Long> before = tables.snapshot();

        Api.as(token).contentType(JSON).body(body).when().post("/api/v1/submissions")
                .then().statusCode(submit).contentType("application/problem+json");
        Api.as(token).contentType(JSON).body(body).when().post("/api/v1/submissions/validate")
                .then().statusCode(validate);

        assertThat(tables.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} may also do what its other roles may")
    @MethodSource("roleMixes")
    void aCallersPermissionsAreTheUnionOfItsRoles(Set<String> roles, int submit, int validate) {
        String token = Api.token(roles, "640402");
        int history = roles.contains(Roles.AUDITOR) ? 404 : 403;
        Api.as(token).when().get("/api/v1/submissions/" + OUT_OF_SCOPE + "/2019/versions").then().statusCode(history);
        int feed = roles.contains(Roles.AUDITOR) || roles.contains(Roles.SERVICE) ? 200 : 403;
        Api.as(token).when().get("/api/v1/feed?after=0&limit=1").then().statusCode(feed);
    }

    @org.junit.jupiter.api.Test
    void aSubmitterWithOtherRolesStillWritesItsOwnUnitsAndTheAuditTrailNamesEveryRole() {
        String token = Api.token(Set.of(Roles.SUBMITTER, Roles.AUDITOR), "640402");
        Api.as(token).contentType(JSON).body(Reports.text(Reports.busy(IN_SCOPE, IN_SCOPE_NAME, 2022)))
                .when().post("/api/v1/submissions").then().statusCode(201);

        Api.auditor().when().get("/api/v1/audit?unitCode=" + IN_SCOPE + "&outcome=ACCEPTED").then().statusCode(200)
                .body("items[0].principal", org.hamcrest.Matchers.equalTo("test-mixed"))
                .body("items[0].role", org.hamcrest.Matchers.equalTo("auditor,submitter"))
                .body("items[0].scope", org.hamcrest.Matchers.equalTo("640402"));
    }
}
