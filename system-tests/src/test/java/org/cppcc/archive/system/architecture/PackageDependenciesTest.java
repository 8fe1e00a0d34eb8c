package org.cppcc.archive.system.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The packages of each service form no cycle, and a service depends on no other service's code: what the services
 * share is the contract module ({@code org.cppcc.archive.contract}), which depends on none of them, and the two feed
 * consumers (search, stats) share the change feed's client ({@code org.cppcc.archive.feed}), which nothing else uses.
 * Within a service, the layers hold: search's resources reach the index only through its service layer, and only
 * stats' repository (and the store that starts the embedded server) touches MongoDB. Reads the compiled classes of
 * every module ({@code target/classes}), so it sees each service whole.
 */
class PackageDependenciesTest {

    private static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    private static final String ROOT = "org.cppcc.archive.";

    private static JavaClasses classesOf(String module) {
        Path classes = REPO.resolve(module).resolve("target/classes");
        assertTrue(Files.isDirectory(classes.resolve("org/cppcc/archive")), classes + " holds no classes: build it first");
        return new ClassFileImporter().importPath(classes);
    }

    @ParameterizedTest
    @CsvSource({ "document-service, document", "search-service, search", "stats-service, stats",
            "gateway, gateway", "http-contract, contract", "change-feed-client, feed" })
    void packagesFormNoCycle(String module, String root) {
        slices().matching(ROOT + root + ".(**)").should().beFreeOfCycles().allowEmptyShould(true)
                .check(classesOf(module));
    }

    /** {@code shared}: what the module may use besides its own packages (the contract; the feed for its consumers). */
    @ParameterizedTest
    @CsvSource({ "document-service, document, contract", "search-service, search, contract feed",
            "stats-service, stats, contract feed", "gateway, gateway, contract", "http-contract, contract, ''",
            "change-feed-client, feed, ''" })
    void nothingButTheContractIsShared(String module, String root, String shared) {
        String own = ROOT + root + "..";
        String[] allowed = Stream.concat(Stream.of(own), Stream.of(shared.split(" ")).filter(s -> !s.isEmpty())
                .map(s -> ROOT + s + "..")).toArray(String[]::new);
        noClasses().that().resideInAPackage(own).should().dependOnClassesThat(
                resideInAPackage("org.cppcc.archive..").and(not(resideInAnyPackage(allowed))))
                .because("services share the contract module, search and stats the feed client, and nothing else")
                .check(classesOf(module));
    }

    @Test
    void searchResourcesUseTheServiceLayerAndItsModelOnly() {
        String search = ROOT + "search";
        noClasses().that().resideInAPackage(search + ".rest..").should().dependOnClassesThat(
                resideInAPackage(search + "..").and(not(resideInAnyPackage(search + ".rest..", search + ".service..",
                        search + ".model..", search + ".query.."))))
                .because("rest/ may use service/, model/ and the query language's refusal only")
                .check(classesOf("search-service"));
    }

    @Test
    void onlyTheStatsRepositoryTouchesMongoDb() {
        String stats = ROOT + "stats";
        noClasses().that().resideInAPackage(stats + "..").and(not(resideInAnyPackage(stats + ".repository..",
                stats + ".store.."))).should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
                .because("the repository owns every MongoDB call")
                .check(classesOf("stats-service"));
    }
}
