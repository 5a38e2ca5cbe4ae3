package io.stackkeeper;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Vaadin installs its own security-context strategy per Spring context, and the newest context's wins globally.
 * When a test class needs a second context (the demo), the first context's method security would look in another
 * strategy than the one tests write to; this points the global holder back at the test's own context first.
 */
public class SecurityStrategyOfThisContext implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        SecurityContextHolder.setContextHolderStrategy(
                SpringExtension.getApplicationContext(context).getBean(SecurityContextHolderStrategy.class));
    }
}
