package br.com.bidiq.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, kept by a test: components by business ({@code search}, {@code progress}, ...), each with
 * boundary / control / entity; dependencies point one way.
 */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("br.com.bidiq");

    @Test
    void noCyclesBetweenComponents() {
        slices().matching("br.com.bidiq.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void entitiesKnowNoControlAndNoBoundary() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("..entity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..control..", "..boundary..");
        rule.check(MAIN);
    }

    @Test
    void controlsKnowNoBoundary() {
        noClasses()
                .that()
                .resideInAPackage("..control..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..boundary..")
                .check(MAIN);
    }

    @Test
    void theFlowOfProgressIsOneWaySearchThenProgressThenRedis() {
        noClasses()
                .that()
                .resideInAPackage("br.com.bidiq.progress..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("br.com.bidiq.search..", "br.com.bidiq.index..")
                .check(MAIN);
        noClasses()
                .that()
                .resideInAPackage("br.com.bidiq.cluster..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("br.com.bidiq.search..", "br.com.bidiq.progress..")
                .check(MAIN);
    }

    @Test
    void platformDependsOnNoComponent() {
        noClasses()
                .that()
                .resideInAPackage("br.com.bidiq.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "br.com.bidiq.search..",
                        "br.com.bidiq.progress..",
                        "br.com.bidiq.report..",
                        "br.com.bidiq.storage..",
                        "br.com.bidiq.pncp..",
                        "br.com.bidiq.filtering..",
                        "br.com.bidiq.index..",
                        "br.com.bidiq.cluster..",
                        "br.com.bidiq.health..",
                        "br.com.bidiq.sectors..")
                .check(MAIN);
    }

    @Test
    void healthReadsControlsNotBoundaries() {
        noClasses()
                .that()
                .resideInAPackage("br.com.bidiq.health..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..boundary..")
                .check(MAIN);
    }
}
