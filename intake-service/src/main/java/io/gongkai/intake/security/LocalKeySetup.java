package io.gongkai.intake.security;

import io.gongkai.contracts.security.LocalKeys;
import io.gongkai.contracts.security.PrivateFiles;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * On a local installation, makes sure the token-signing key pair exists (generated on first run into the data
 * directory, never shipped). Production turns this off and verifies its identity provider's tokens. Either way the
 * data directory, which holds the keys and the embedded database, is made its owner's only (0700, files 0600).
 */
@Startup
@ApplicationScoped
public class LocalKeySetup {

    private static final Logger LOG = Logger.getLogger(LocalKeySetup.class);

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
            boolean existed = Files.exists(directory.resolve(LocalKeys.PUBLIC_KEY));
            LocalKeys.ensure(directory);
            if (!existed) {
                LOG.infof("generated a local token-signing key pair in %s", directory.toAbsolutePath());
            }
        }
        PrivateFiles.restrictTree(dataDirectory);
    }
}
