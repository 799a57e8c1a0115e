package io.gongkai.intake.rest;

import io.gongkai.intake.Api;
import io.gongkai.intake.Reports;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/** Submissions for the same unit arriving at once, as retries and double clicks make them. */
@QuarkusTest
class ConcurrentSubmissionTest {

    private static final int AT_ONCE = 16;

    @Test
    void identicalBodiesAtOnceStoreOneVersionAndReplayItToEveryOtherRequest() throws Exception {
        String body = Reports.text(Reports.busy("640402201", "河川乡", 2022));

        List<Response> answers = atOnce(i -> post(body));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(answers).extracting(r -> r.jsonPath().getInt("version")).containsOnly(1);
        assertThat(answers).extracting(r -> r.jsonPath().getString("receivedAt")).containsOnly(
                answers.get(0).jsonPath().getString("receivedAt"));
        Api.auditor().when().get("/api/v1/submissions/640402201/2022/versions").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.is(1));
    }

    @Test
    void differentCorrectionsAtOnceEachBecomeAVersionWithoutGapsOrCollisions() throws Exception {
        List<Response> answers = atOnce(i -> {
            var report = Reports.busy("640402204", "炭山乡", 2022);
            Reports.set(report, "activeDisclosure.licensing.decisions", 100 + i);
            return post(Reports.text(report));
        });

        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(answers).extracting(r -> r.jsonPath().getInt("version"))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, AT_ONCE).boxed().toList());
        Api.auditor().when().get("/api/v1/submissions/640402204/2022/versions").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.is(AT_ONCE));
    }

    private static Response post(String body) {
        return Api.submitter().contentType(JSON).body(body).when().post("/api/v1/submissions");
    }

    private static List<Response> atOnce(java.util.function.IntFunction<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                int n = i;
                futures.add(pool.submit((Callable<Response>) () -> request.apply(n)));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }
}
