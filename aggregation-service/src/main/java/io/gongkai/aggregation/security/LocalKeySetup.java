package io.gongkai.aggregation.security;

import io.gongkai.contracts.security.LocalKeys;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;

/**
 * On a local installation, makes sure the token-signing key pair exists in the data directory (shared with intake
 * when both run on one data directory). Production turns this off and trusts its identity provider.
 */
@Startup
@ApplicationScoped
public class LocalKeySetup {

    private final boolean enabled;
    private final Path directory;

    public LocalKeySetup(@ConfigProperty(name = "gongkai.jwt.local-keys") boolean enabled,
            @ConfigProperty(name = "gongkai.jwt.key-dir") Path directory) {
        this.enabled = enabled;
        this.directory = directory;
    }

    @PostConstruct
    void ensureKeys() {
        if (enabled) {
            LocalKeys.ensure(directory);
        }
    }
}
