package io.stackkeeper;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.stackkeeper.base.FeatureApi;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The rule that keeps features apart: a feature may use of another only what that feature offers, namely its public
 * service, the records, enums, events and exceptions in its top package, and the few types marked {@link FeatureApi};
 * never its other classes, nor its {@code ui}.
 */
final class FeatureBoundaries {

    private FeatureBoundaries() {
    }

    /** The rule for features that are the packages {@code root.<feature>} named here. */
    static ArchRule rule(String root, List<String> features) {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<>("use of another feature only its service, records, enums, events and exceptions") {
                    @Override
                    public void check(JavaClass user, ConditionEvents events) {
                        String own = feature(root, user.getPackageName());
                        for (Dependency dependency : user.getDirectDependenciesFromSelf()) {
                            JavaClass used = dependency.getTargetClass().getBaseComponentType();
                            String theirs = feature(root, used.getPackageName());
                            if (theirs != null && features.contains(theirs) && !theirs.equals(own) && !offered(root, theirs, used)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                        + ", but " + used.getSimpleName() + " is not part of what " + theirs + " offers"));
                            }
                        }
                    }
                });
    }

    private static boolean offered(String root, String feature, JavaClass type) {
        if (!type.getPackageName().equals(root + "." + feature)) {
            return false;
        }
        return type.isAnnotatedWith(Service.class) || type.isAnnotatedWith(FeatureApi.class) || type.isEnum()
                || type.isAssignableTo(Record.class) || type.isAssignableTo(RuntimeException.class);
    }

    /** {@code stack} for {@code io.stackkeeper.stack.ui}; null outside the root. */
    private static String feature(String root, String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return null;
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
