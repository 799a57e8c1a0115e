package io.gongkai.aggregation.security;

import io.gongkai.contracts.security.LocalKeys;
import io.gongkai.contracts.security.PrivateFiles;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;

/**
 * On a local installation, makes sure the token-signing key pair exists in the data directory (shared with intake
 * when both run on one data directory). Production turns this off and trusts its identity provider. Either way the
 * data directory, which holds the keys and the embedded database, is made its owner's only (0700, files 0600).
 */
@Startup
@ApplicationScoped
public class LocalKeySetup {

    private final boolean enabled;
    private final Path directory;
    private final Path dataDirectory;

    public LocalKeySetup(@ConfigProperty(name = "gongkai.jwt.local-keys") boolean enabled,
            @ConfigProperty(name = "gongkai.jwt.key-dir") Path directory,
            @ConfigProperty(name = "gongkai.data-dir", defaultValue = "data") Path dataDirectory) {
        this.enabled = enabled;
        this.directory = directory;
        this.dataDirectory = dataDirectory;
    }

    @PostConstruct
    void ensureKeys() {
        if (enabled) {
            LocalKeys.ensure(directory);
        }
        PrivateFiles.restrictTree(dataDirectory);
    }
}
