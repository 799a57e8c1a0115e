package io.gongkai.contracts.testing;

import io.gongkai.contracts.testing.RawHttp.Reply;
import io.gongkai.contracts.testing.RawHttp.Request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Sends a corpus of hostile requests one at a time and checks what holds for every one of them: an answer, never a
 * 5xx, every 4xx a problem (application/problem+json), an answer within its time, and a refused request changes
 * no data (compared as a fingerprint before and after); an unauthenticated one adds no audit record either.
 * Findings are collected, not thrown, so one run lists every broken case.
 */
public final class HostileCorpus {

    /**
     * What a service's data looks like from outside.
     *
     * @param data       everything a stored request would change (feed head, versions, totals), as text
     * @param auditCount the number of audit records, or 0 where the service keeps none
     */
    public record Fingerprint(String data, long auditCount) {
    }

    /**
     * One hostile request and what it must get beyond the common checks.
     *
     * @param anonymous     sent without a token that authenticates anyone: may not add audit records
     * @param mustBeRefused   a 2xx is a finding
     * @param statuses        when not empty, the only statuses allowed
     * @param maxMillis       the longest the answer may take
     */
    public record Case(String name, Request request, boolean anonymous, boolean mustBeRefused,
            Set<Integer> statuses, long maxMillis) {

        public static Case of(String name, Request request) {
            return new Case(name, request, false, false, Set.of(), 5_000);
        }

        /** A read: clean tokens get what the union of their roles allows, tokens that cannot be verified a 401. */
        public static Case read(String name, String path, ForgedTokens.Forged token, Set<String> allowed) {
            Case read = of(name, Request.get(path, token.token()));
            if (!token.verifiable()) {
                return read.unauthenticated().refusedWith(401);
            }
            if (!token.clean()) {
                return read;
            }
            return token.hasAnyOf(allowed) ? read.allowing(200) : read.refusedWith(401, 403);
        }

        public Case unauthenticated() {
            return new Case(name, request, true, mustBeRefused, statuses, maxMillis);
        }

        public Case refused() {
            return new Case(name, request, anonymous, true, statuses, maxMillis);
        }

        public Case refusedWith(Integer... allowed) {
            return new Case(name, request, anonymous, true, Set.of(allowed), maxMillis);
        }

        public Case allowing(Integer... allowed) {
            return new Case(name, request, anonymous, mustBeRefused, Set.of(allowed), maxMillis);
        }

        public Case within(long millis) {
            return new Case(name, request, anonymous, mustBeRefused, statuses, millis);
        }
    }

    /** The outcome of a run: the count of each status (-1: no answer) and the findings. */
    public record Result(Map<Integer, Integer> statusCounts, List<String> findings, int cases) {

        public String summary() {
            StringBuilder text = new StringBuilder(cases + " requests; by status:");
            statusCounts.forEach((status, count) -> text.append(' ').append(status < 0 ? "no-answer" : status)
                    .append('=').append(count));
            return text.append("; findings: ").append(findings.size()).toString();
        }
    }

    private final RawHttp http;
    private final Supplier<Fingerprint> fingerprint;

    public HostileCorpus(RawHttp http, Supplier<Fingerprint> fingerprint) {
        this.http = http;
        this.fingerprint = fingerprint;
    }

    public Result run(List<Case> cases) throws InterruptedException {
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> findings = new ArrayList<>();
        Map<String, Integer> findingsPerKind = new LinkedHashMap<>();
        Fingerprint before = fingerprint.get();
        for (Case hostile : cases) {
            if (hostile.anonymous()) {
                // An earlier, authenticated rejection may be audited just after its answer: let it land first.
                Thread.sleep(25);
                before = fingerprint.get();
            }
            Reply reply = http.send(hostile.request());
            statuses.merge(reply.status(), 1, Integer::sum);
            List<String> broken = new ArrayList<>();
            if (reply.status() < 0) {
                broken.add("no answer");
            } else if (reply.status() >= 500) {
                broken.add("a 5xx");
            } else if (reply.status() >= 400 && !reply.isProblem()) {
                broken.add("a 4xx that is not application/problem+json");
            }
            boolean succeeded = reply.status() >= 200 && reply.status() < 300;
            if (hostile.mustBeRefused() && succeeded) {
                broken.add("accepted although it must be refused");
            }
            if (!hostile.statuses().isEmpty() && !hostile.statuses().contains(reply.status())) {
                broken.add("status not in " + hostile.statuses());
            }
            if (reply.millis() > hostile.maxMillis()) {
                broken.add("took " + reply.millis() + " ms (at most " + hostile.maxMillis() + ")");
            }
            if (hostile.anonymous()) {
                Thread.sleep(25);
            }
            Fingerprint after = fingerprint.get();
            if (!succeeded && !after.data().equals(before.data())) {
                broken.add("refused, but the data changed");
            }
            if (hostile.anonymous() && after.auditCount() != before.auditCount()) {
                broken.add("unauthenticated, but " + (after.auditCount() - before.auditCount()) + " audit record(s) added");
            }
            for (String kind : broken) {
                findingsPerKind.merge(kind, 1, Integer::sum);
                findings.add(hostile.name() + " [" + hostile.request().method() + " "
                        + shorten(hostile.request().pathAndQuery()) + "]: " + kind + " -> " + reply.brief());
            }
            before = after;
        }
        Result result = new Result(statuses, findings, cases.size());
        System.out.println("hostile corpus: " + result.summary());
        findingsPerKind.forEach((kind, count) -> System.out.println("  " + count + " x " + kind));
        return result;
    }

    private static String shorten(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
