package io.stackkeeper.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks one of the few types other features may use beside a feature's service, records, enums, events and
 * exceptions (the role names, the system actor, the handle of a stack claim). The architecture test holds every other
 * type of a feature to its own package.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FeatureApi {
}
