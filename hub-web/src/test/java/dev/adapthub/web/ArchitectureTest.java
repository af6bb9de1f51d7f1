package dev.adapthub.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of DESIGN.md: hub-web → hub-core → {hub-git, chip-backends}; the two
 * libraries know nothing of Spring, servlets' web layer, JPA or the hub; feature packages do
 * not form cycles.
 */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.adapthub");
    }

    @Test
    void librariesKnowNothingOfSpringJpaOrTheHub() {
        noClasses().that().resideInAnyPackage("dev.adapthub.chips..", "dev.adapthub.git..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "dev.adapthub.core..", "dev.adapthub.web..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void chipBackendsAndGitDoNotDependOnEachOther() {
        noClasses().that().resideInAPackage("dev.adapthub.chips..")
                .should().dependOnClassesThat().resideInAPackage("dev.adapthub.git..")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAPackage("dev.adapthub.git..")
                .should().dependOnClassesThat().resideInAPackage("dev.adapthub.chips..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void coreDoesNotReachIntoTheWebLayer() {
        noClasses().that().resideInAPackage("dev.adapthub.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.adapthub.web..", "jakarta.servlet..",
                        "org.springframework.web..", "org.thymeleaf..")
                .check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("dev.adapthub.core.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("dev.adapthub.web.(*)..").should().beFreeOfCycles().check(classes);
    }
}
