package io.stackkeeper.stack;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo switch.
 *
 * @param demo when no stack is configured, start and configure the demo stack ({@code STACKKEEPER_DEMO})
 */
@ConfigurationProperties("stackkeeper")
record DemoProperties(boolean demo) {
}
