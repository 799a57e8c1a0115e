package io.gongkai.aggregation.faults;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** A separate application whose database connections go through a proxy the test can cut. */
public class DatabaseOutageProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ProxiedDatabase.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "2S", "gongkai.feed.enabled", "false");
    }
}
