package io.stackkeeper;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the feature packages apart: no cycles, no reaching into another feature's UI, a base that needs no feature. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.stackkeeper");

    @Test
    void features_do_not_depend_on_each_other_in_a_cycle() {
        slices().matching("io.stackkeeper.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void the_shared_kernel_depends_on_no_feature() {
        noClasses().that().resideInAPackage("io.stackkeeper.base..")
                .should().dependOnClassesThat().resideInAnyPackage("io.stackkeeper.security..", "io.stackkeeper.audit..",
                        "io.stackkeeper.stack..", "io.stackkeeper.backup..", "io.stackkeeper.upgrade..",
                        "io.stackkeeper.monitoring..", "io.stackkeeper.logs..")
                .check(CLASSES);
    }

    @Test
    void no_feature_reaches_into_another_features_ui() {
        for (String feature : new String[] {"security", "audit", "stack", "backup", "upgrade", "monitoring", "logs"}) {
            noClasses().that().resideOutsideOfPackage("io.stackkeeper." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("io.stackkeeper." + feature + ".ui..")
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    @Test
    void only_ui_is_a_sub_package_of_a_feature() {
        noClasses().should().haveNameMatching("io\\.stackkeeper\\.[a-z]+\\.(?!ui\\.)[a-z]+\\..*").check(CLASSES);
    }

    @Test
    void services_are_not_given_vaadin_components() {
        noClasses().that().resideInAnyPackage("io.stackkeeper.*")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin.flow.component..")
                .check(CLASSES);
    }
}
