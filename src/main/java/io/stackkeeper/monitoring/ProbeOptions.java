package io.stackkeeper.monitoring;

import java.util.Map;

/**
 * The settings of a probe that depend on its kind.
 *
 * @param method HTTP method, GET when null
 * @param expectedStatus the HTTP status that is OK, 200 when null
 * @param headers extra request headers (a User-Agent among them)
 * @param bodyContains text the response body must contain (its first megabyte)
 * @param bodyMatches a regular expression the body must match
 * @param useStatusUserAgent send the status-page User-Agent of the stack settings (a secret kept there, not here)
 * @param metric what a host probe measures ({@code disk}, {@code inodes}, {@code load}, {@code cpu}, {@code memory},
 *     {@code swap}, {@code diskio}, {@code raid}, {@code sensors}) or which value an HTTP probe judges
 *     ({@code latency}, {@code certificate-days})
 */
public record ProbeOptions(String method, Integer expectedStatus, Map<String, String> headers, String bodyContains,
        String bodyMatches, boolean useStatusUserAgent, String metric) {

    public static final ProbeOptions NONE = new ProbeOptions(null, null, Map.of(), null, null, false, null);

    public ProbeOptions {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static ProbeOptions metric(String metric) {
        return new ProbeOptions(null, null, Map.of(), null, null, false, metric);
    }
}
