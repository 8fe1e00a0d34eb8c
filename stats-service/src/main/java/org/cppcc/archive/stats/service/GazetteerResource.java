package org.cppcc.archive.stats.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.cppcc.archive.stats.config.StatsConfig;
import org.cppcc.archive.stats.divisions.Gazetteer;

/** The gazetteer the service measures coverage against, read once from the configured classpath resource. */
@Singleton
class GazetteerResource {

    @Produces
    @Singleton
    Gazetteer gazetteer(StatsConfig config) {
        String name = config.gazetteerResource();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The gazetteer resource " + name + " is not on the classpath.");
            }
            return Gazetteer.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the gazetteer resource " + name, e);
        }
    }
}
