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

    /** Returns field name to reason for every field that is refused; empty when all are acceptable. */
    static Map<String, String> problems(StackSettingsChange c) {
        Map<String, String> problems = new LinkedHashMap<>();
        String engine = trim(c.engineEndpoint());
        if (engine == null || !ENGINE.matcher(engine).matches()) {
            problems.put("engineEndpoint", "Use unix:///absolute/path/to/docker.sock or tcp://host:port.");
        }
        String tls = trim(c.engineTlsPath());
        if (tls != null) {
            if (!Path.of(tls).isAbsolute()) {
                problems.put("engineTlsPath", "The TLS folder must be an absolute path.");
            } else if (!Files.isDirectory(Path.of(tls))) {
                problems.put("engineTlsPath", "No folder at " + tls + " (it should hold ca.pem, cert.pem and key.pem).");
            }
        }
        if (c.lookupMode() == null || c.lookupMode() == ContainerLookup.NAME) {
            requireName(problems, "backendContainer", c.backendContainer(), "backend container");
            requireName(problems, "frontendContainer", c.frontendContainer(), "frontend container");
        } else {
            requireName(problems, "composeProject", c.composeProject(), "compose project");
            requireName(problems, "backendService", c.backendService(), "backend service");
            requireName(problems, "frontendService", c.frontendService(), "frontend service");
        }
        if (c.mongoUri() != null && !c.mongoUri().isBlank()) {
            try {
                new ConnectionString(c.mongoUri().strip());
            } catch (IllegalArgumentException e) {
                problems.put("mongoUri", "Not a MongoDB URI: " + e.getMessage());
            }
        }
        if (c.redisUri() != null && !c.redisUri().isBlank()) {
            try {
                URI redis = URI.create(c.redisUri().strip());
                if (!"redis".equals(redis.getScheme()) || redis.getHost() == null) {
                    problems.put("redisUri", "Use redis://[:password@]host:port.");
                }
            } catch (IllegalArgumentException e) {
                problems.put("redisUri", "Not a URI: " + e.getMessage());
            }
        }
        httpUrl(problems, "backendUrl", c.backendUrl());
        httpUrl(problems, "frontendUrl", c.frontendUrl());
        httpUrl(problems, "registryUrl", c.registryUrl());
        String storage = trim(c.storageHostPath());
        if (storage != null && !Path.of(storage).isAbsolute()) {
            problems.put("storageHostPath", "The storage folder must be an absolute host path.");
        }
        repository(problems, "backendRepository", c.backendRepository());
        repository(problems, "frontendRepository", c.frontendRepository());
        TextLimits.check(problems, "engineEndpoint", c.engineEndpoint(), 500);
        TextLimits.check(problems, "engineTlsPath", c.engineTlsPath(), 500);
        TextLimits.check(problems, "backendContainer", c.backendContainer(), 200);
        TextLimits.check(problems, "frontendContainer", c.frontendContainer(), 200);
        TextLimits.check(problems, "composeProject", c.composeProject(), 200);
        TextLimits.check(problems, "backendService", c.backendService(), 200);
        TextLimits.check(problems, "frontendService", c.frontendService(), 200);
        TextLimits.check(problems, "mongoUri", c.mongoUri(), 1000);
        TextLimits.check(problems, "redisUri", c.redisUri(), 1000);
        TextLimits.check(problems, "backendUrl", c.backendUrl(), 500);
        TextLimits.check(problems, "frontendUrl", c.frontendUrl(), 500);
        TextLimits.check(problems, "statusUserAgent", c.statusUserAgent(), 500);
        TextLimits.check(problems, "storageHostPath", c.storageHostPath(), 1000);
        TextLimits.check(problems, "registryUrl", c.registryUrl(), 500);
        TextLimits.check(problems, "registryUsername", c.registryUsername(), 200);
        TextLimits.check(problems, "registryPassword", c.registryPassword(), 500);
        TextLimits.check(problems, "backendRepository", c.backendRepository(), 300);
        TextLimits.check(problems, "frontendRepository", c.frontendRepository(), 300);
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
