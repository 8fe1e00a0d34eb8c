package org.cppcc.archive.search.change;

import java.io.IOException;
import java.util.Optional;

/** Resolves a compilation id; the feed consumer backs it with a cached call to document-service. */
@FunctionalInterface
public interface CompilationLookup {

    Optional<Compilation> find(long id) throws IOException;
}
