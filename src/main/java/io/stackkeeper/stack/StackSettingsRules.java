package io.stackkeeper.stack;

import io.stackkeeper.base.TextLimits;

import com.mongodb.ConnectionString;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks stack settings field by field, so each refusal can be shown next to its field. */
final class StackSettingsRules {

    private static final Pattern CONTAINER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,199}");
    private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+(?:[._/-][a-z0-9]+)*");
    private static final Pattern ENGINE = Pattern.compile("(unix://(/[^\\s]+))|(tcp://[^\\s/:]+:\\d{1,5})");

    private StackSettingsRules() {
    }

    /** The refusals of an engine endpoint and its TLS folder alone, as "Test connection" checks them. */
    static Map<String, String> engineProblems(String endpoint, String tlsPath) {
        Map<String, String> problems = new LinkedHashMap<>();
        String engine = trim(endpoint);
        if (engine == null || !ENGINE.matcher(engine).matches()) {
            problems.put("engineEndpoint", "Use unix:///absolute/path/to/docker.sock or tcp://host:port.");
        }
        String tls = trim(tlsPath);
        if (tls != null) {
            if (!Path.of(tls).isAbsolute()) {
                problems.put("engineTlsPath", "The TLS folder must be an absolute path.");
            } else if (!Files.isDirectory(Path.of(tls))) {
                problems.put("engineTlsPath", "No folder at " + tls + " (it should hold ca.pem, cert.pem and key.pem).");
            }
        }
        return problems;
    }

    /** Returns field name to reason for every field that is refused; empty when all are acceptable. */
    static Map<String, String> problems(StackSettingsChange c) {
        Map<String, String> problems = engineProblems(c.engine().endpoint(), c.engine().tlsPath());
        if (c.containers().lookupMode() == null || c.containers().lookupMode() == ContainerLookup.NAME) {
            requireName(problems, "backendContainer", c.containers().backendContainer(), "backend container");
            requireName(problems, "frontendContainer", c.containers().frontendContainer(), "frontend container");
        } else {
            requireName(problems, "composeProject", c.containers().composeProject(), "compose project");
            requireName(problems, "backendService", c.containers().backendService(), "backend service");
            requireName(problems, "frontendService", c.containers().frontendService(), "frontend service");
        }
        if (c.databases().mongoUri() != null && !c.databases().mongoUri().isBlank()) {
            try {
                new ConnectionString(c.databases().mongoUri().strip());
            } catch (IllegalArgumentException e) {
                problems.put("mongoUri", "Not a MongoDB URI: " + e.getMessage());
            }
        }
        if (c.databases().redisUri() != null && !c.databases().redisUri().isBlank()) {
            try {
                URI redis = URI.create(c.databases().redisUri().strip());
                if (!"redis".equals(redis.getScheme()) || redis.getHost() == null) {
                    problems.put("redisUri", "Use redis://[:password@]host:port.");
                }
            } catch (IllegalArgumentException e) {
                problems.put("redisUri", "Not a URI: " + e.getMessage());
            }
        }
        httpUrl(problems, "backendUrl", c.urls().backendUrl());
        httpUrl(problems, "frontendUrl", c.urls().frontendUrl());
        httpUrl(problems, "registryUrl", c.registry().url());
        String storage = trim(c.storageHostPath());
        if (storage != null && !Path.of(storage).isAbsolute()) {
            problems.put("storageHostPath", "The storage folder must be an absolute host path.");
        }
        repository(problems, "backendRepository", c.registry().backendRepository());
        repository(problems, "frontendRepository", c.registry().frontendRepository());
        TextLimits.check(problems, "engineEndpoint", c.engine().endpoint(), 500);
        TextLimits.check(problems, "engineTlsPath", c.engine().tlsPath(), 500);
        TextLimits.check(problems, "backendContainer", c.containers().backendContainer(), 200);
        TextLimits.check(problems, "frontendContainer", c.containers().frontendContainer(), 200);
        TextLimits.check(problems, "composeProject", c.containers().composeProject(), 200);
        TextLimits.check(problems, "backendService", c.containers().backendService(), 200);
        TextLimits.check(problems, "frontendService", c.containers().frontendService(), 200);
        TextLimits.check(problems, "mongoUri", c.databases().mongoUri(), 1000);
        TextLimits.check(problems, "redisUri", c.databases().redisUri(), 1000);
        TextLimits.check(problems, "backendUrl", c.urls().backendUrl(), 500);
        TextLimits.check(problems, "frontendUrl", c.urls().frontendUrl(), 500);
        TextLimits.check(problems, "statusUserAgent", c.urls().statusUserAgent(), 500);
        TextLimits.check(problems, "storageHostPath", c.storageHostPath(), 1000);
        TextLimits.check(problems, "registryUrl", c.registry().url(), 500);
        TextLimits.check(problems, "registryUsername", c.registry().username(), 200);
        TextLimits.check(problems, "registryPassword", c.registry().password(), 500);
        TextLimits.check(problems, "backendRepository", c.registry().backendRepository(), 300);
        TextLimits.check(problems, "frontendRepository", c.registry().frontendRepository(), 300);
        return problems;
    }

    private static void requireName(Map<String, String> problems, String field, String value, String what) {
        String name = trim(value);
        if (name == null) {
            problems.put(field, "Name the " + what + ".");
        } else if (!CONTAINER_NAME.matcher(name).matches()) {
            problems.put(field, "'" + name + "' is not a valid " + what + " name.");
        }
    }

    private static void httpUrl(Map<String, String> problems, String field, String value) {
        String url = trim(value);
        if (url == null) {
            return;
        }
        try {
            URI uri = URI.create(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.put(field, "Use an absolute http:// or https:// URL.");
            }
        } catch (IllegalArgumentException e) {
            problems.put(field, "Not a URL: " + e.getMessage());
        }
    }

    private static void repository(Map<String, String> problems, String field, String value) {
        String repo = trim(value);
        if (repo != null && !REPOSITORY.matcher(repo).matches()) {
            problems.put(field, "A repository looks like 'toucantoco/backend'.");
        }
    }

    static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
