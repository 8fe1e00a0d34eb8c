package org.cppcc.archive.system.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The packages of each service form no cycle, and a service depends on no other service's code: what the services
 * share is the contract module ({@code org.cppcc.archive.contract}), which depends on none of them. Reads the
 * compiled classes of every module ({@code target/classes}), so it sees each service whole.
 */
class PackageDependenciesTest {

    private static final Path REPO = Path.of(System.getProperty("repo.dir", "..")).toAbsolutePath().normalize();
    private static final String ROOT = "org.cppcc.archive.";
    private static final String CONTRACT = ROOT + "contract..";

    private static JavaClasses classesOf(String module) {
        Path classes = REPO.resolve(module).resolve("target/classes");
        assertTrue(Files.isDirectory(classes.resolve("org/cppcc/archive")), classes + " holds no classes: build it first");
        return new ClassFileImporter().importPath(classes);
    }

    @ParameterizedTest
    @CsvSource({ "document-service, document", "search-service, search", "stats-service, stats",
            "gateway, gateway", "http-contract, contract" })
    void packagesFormNoCycle(String module, String root) {
        slices().matching(ROOT + root + ".(**)").should().beFreeOfCycles().allowEmptyShould(true)
                .check(classesOf(module));
    }

    @ParameterizedTest
    @CsvSource({ "document-service, document", "search-service, search", "stats-service, stats",
            "gateway, gateway", "http-contract, contract" })
    void nothingButTheContractIsShared(String module, String root) {
        String own = ROOT + root + "..";
        noClasses().that().resideInAPackage(own).should().dependOnClassesThat(
                resideInAPackage("org.cppcc.archive..").and(not(resideInAnyPackage(own, CONTRACT))))
                .because("services share the contract module and nothing else")
                .check(classesOf(module));
    }
}
