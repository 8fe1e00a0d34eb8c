package org.cppcc.archive.document.service;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Imports the bundled seed compilation on start when {@code document.seed.import} is true (the embedded run).
 * Idempotent through the import's SHA-256 check, so restarts add nothing. Audit actor: {@code system}.
 */
@ApplicationScoped
public class SeedImporter {

    static final String SEED = "/seed/sichuan-cppcc-exchange-2021-09-28.txt";
    private static final Logger LOG = Logger.getLogger(SeedImporter.class);

    private final CompilationService compilations;
    private final TextExtractor text;
    private final boolean enabled;

    public SeedImporter(CompilationService compilations, TextExtractor text,
            @ConfigProperty(name = "document.seed.import", defaultValue = "true") boolean enabled) {
        this.compilations = compilations;
        this.text = text;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        if (!enabled) {
            return;
        }
        byte[] bytes;
        try (InputStream in = SeedImporter.class.getResourceAsStream(SEED)) {
            if (in == null) {
                LOG.warnf("Seed %s is not on the classpath; nothing imported", SEED);
                return;
            }
            bytes = in.readAllBytes();
        }
        CompilationService.Imported result = compilations.importCompilation(bytes, text.fromPlainText(bytes), false,
                "system");
        LOG.infof("Seed compilation %s %s", result.compilation().id,
                result.created() ? "imported" : "already present");
    }
}
