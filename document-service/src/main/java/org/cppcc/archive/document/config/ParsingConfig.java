package org.cppcc.archive.document.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.cppcc.archive.document.divisions.Gazetteer;

/** Makes the framework-free gazetteer injectable. */
public class ParsingConfig {

    @Produces
    @Singleton
    Gazetteer gazetteer() {
        return Gazetteer.national();
    }
}
