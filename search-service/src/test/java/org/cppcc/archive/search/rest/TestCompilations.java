package org.cppcc.archive.search.rest;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.cppcc.archive.search.change.Compilation;
import org.cppcc.archive.search.change.CompilationLookup;
import org.cppcc.archive.search.index.TestSpeeches;

import io.quarkus.test.Mock;

/** The test speeches' compilation, in place of document-service (the feed is off in tests). */
@Mock
@ApplicationScoped
public class TestCompilations implements CompilationLookup {

    @Override
    public Optional<Compilation> find(long id) throws IOException {
        return TestSpeeches.COMPILATIONS.find(id);
    }
}
