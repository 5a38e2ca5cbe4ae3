package io.stackkeeper;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Service;

/**
 * Keeps the feature packages apart: a feature uses of another only its service, records, enums, events and
 * exceptions; no cycles; no reaching into another feature's UI; a base that needs no feature; public services small.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.stackkeeper");

    private static final List<String> FEATURES = List.of("security", "audit", "stack", "backup", "upgrade", "monitoring", "logs");

    @Test
    void a_feature_uses_of_another_only_its_service_records_enums_events_and_exceptions() {
        FeatureBoundaries.rule("io.stackkeeper", FEATURES).check(CLASSES);
    }

    @Test
    void the_boundary_rule_reports_a_feature_that_reaches_into_another_features_internals() {
        JavaClasses fixture = new ClassFileImporter().importPackages("boundaryfixture");
        EvaluationResult result = FeatureBoundaries.rule("boundaryfixture", List.of("alpha", "beta")).evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .allMatch(line -> line.contains("AlphaReachingIn") && line.contains("BetaInternals"))
                .noneMatch(line -> line.contains("AlphaUsingTheService"));
    }

    @Test
    void a_public_service_takes_at_most_eight_collaborators() {
        classes().that().areAnnotatedWith(Service.class).and().arePublic()
                .should(new ArchCondition<>("have constructors with at most 8 parameters") {
                    @Override
                    public void check(JavaClass service, ConditionEvents events) {
                        service.getConstructors().stream().filter(c -> c.getRawParameterTypes().size() > 8).forEach(c -> events.add(
                                SimpleConditionEvent.violated(c, c.getFullName() + " takes " + c.getRawParameterTypes().size()
                                        + " collaborators")));
                    }
                })
                .check(CLASSES);
    }

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
        for (String feature : FEATURES) {
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
