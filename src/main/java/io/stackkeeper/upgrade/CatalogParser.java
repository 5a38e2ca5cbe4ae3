package io.stackkeeper.upgrade;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.stackkeeper.stack.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a release catalog from JSON and refuses it, naming the line, at the first problem. Jackson's tree model
 * forgets where values were, so this reads the stream into a small tree that keeps each value's line.
 */
final class CatalogParser {

    static final String SHIPPED = "upgrade/release-catalog.json";
    static final int SUPPORTED_FORMAT = 1;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern PINNED = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private CatalogParser() {
    }

    /** A JSON value and the line it starts on; objects are {@code Map<String, Node>}, arrays {@code List<Node>}. */
    private record Node(Object value, int line) {
    }

    static ReleaseCatalog shipped() {
        return parse(shippedText());
    }

    static String shippedText() {
        try (InputStream in = CatalogParser.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("The shipped release catalog " + SHIPPED + " is not on the classpath.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReleaseCatalog parse(String json) {
        Node root;
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new CatalogRefusedException(1, "the catalog is empty");
            }
            root = read(parser);
            if (parser.nextToken() != null) {
                throw new CatalogRefusedException(lineOf(parser.currentTokenLocation()), "there is more after the catalog's closing brace");
            }
        } catch (JsonProcessingException e) {
            throw new CatalogRefusedException(lineOf(e.getLocation()), e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return catalog(root);
    }

    private static int lineOf(JsonLocation location) {
        return location == null ? 1 : Math.max(1, location.getLineNr());
    }

    private static Node read(JsonParser parser) throws IOException {
        int line = lineOf(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Node> fields = new LinkedHashMap<>();
            while (parser.nextToken() != JsonToken.END_OBJECT) {
                String name = parser.currentName();
                parser.nextToken();
                fields.put(name, read(parser));
            }
            return new Node(fields, line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser));
            }
            return new Node(items, line);
        }
        return switch (token) {
            case VALUE_STRING -> new Node(parser.getText(), line);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Node(parser.getNumberValue(), line);
            case VALUE_TRUE, VALUE_FALSE -> new Node(parser.getBooleanValue(), line);
            default -> new Node(null, line);
        };
    }

    private static ReleaseCatalog catalog(Node root) {
        Map<String, Node> fields = object(root, "the catalog", "catalogVersion", "revision", "releases");
        Node format = required(fields, "catalogVersion", root, "the catalog");
        if (!(format.value() instanceof Integer number) || number != SUPPORTED_FORMAT) {
            throw new CatalogRefusedException(format.line(), "catalogVersion " + format.value()
                    + " is not supported; this portal reads catalogVersion " + SUPPORTED_FORMAT);
        }
        int revision = 1;
        if (fields.containsKey("revision")) {
            Node revisionNode = fields.get("revision");
            if (!(revisionNode.value() instanceof Integer given) || given < 1) {
                throw new CatalogRefusedException(revisionNode.line(), "revision must be a whole number from 1 up, not " + revisionNode.value());
            }
            revision = given;
        }
        Node releasesNode = required(fields, "releases", root, "the catalog");
        List<Node> items = array(releasesNode, "releases");
        if (items.isEmpty()) {
            throw new CatalogRefusedException(releasesNode.line(), "the catalog lists no releases");
        }
        Map<Version, Integer> versionLines = new HashMap<>();
        Map<String, Integer> idLines = new HashMap<>();
        List<Release> releases = new ArrayList<>();
        for (Node item : items) {
            releases.add(release(item, versionLines, idLines));
        }
        return new ReleaseCatalog(SUPPORTED_FORMAT, revision, releases);
    }

    private static Release release(Node node, Map<Version, Integer> versionLines, Map<String, Integer> idLines) {
        Map<String, Node> fields = object(node, "a release", "version", "name", "breakingChanges");
        Node versionNode = required(fields, "version", node, "a release");
        Version version = pinned(versionNode, "version");
        Integer first = versionLines.putIfAbsent(version, versionNode.line());
        if (first != null) {
            throw new CatalogRefusedException(versionNode.line(), "version " + version + " is listed twice (first at line " + first + ")");
        }
        String name = fields.containsKey("name") ? text(fields.get("name"), "name") : "";
        List<BreakingChange> changes = new ArrayList<>();
        if (fields.containsKey("breakingChanges")) {
            for (Node change : array(fields.get("breakingChanges"), "breakingChanges")) {
                changes.add(breakingChange(change, version, idLines));
            }
        }
        return new Release(version, name, changes);
    }

    private static BreakingChange breakingChange(Node node, Version release, Map<String, Integer> idLines) {
        String what = "a breaking change of " + release;
        Map<String, Node> fields = object(node, what, "id", "title", "text", "severity", "requirements");
        Node idNode = required(fields, "id", node, what);
        String id = text(idNode, "id");
        Integer first = idLines.putIfAbsent(id, idNode.line());
        if (first != null) {
            throw new CatalogRefusedException(idNode.line(), "breaking change id '" + id + "' is used twice (first at line " + first + ")");
        }
        what = "breaking change '" + id + "'";
        String title = text(required(fields, "title", node, what), "title");
        String text = text(required(fields, "text", node, what), "text");
        Severity severity = severity(required(fields, "severity", node, what));
        Requirements requirements = fields.containsKey("requirements")
                ? requirements(fields.get("requirements"), what, release)
                : Requirements.NONE;
        return new BreakingChange(id, title, text, severity, requirements);
    }

    private static Severity severity(Node node) {
        String value = text(node, "severity");
        try {
            return Severity.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new CatalogRefusedException(node.line(), "severity '" + value + "' is not one of " + Arrays.toString(Severity.values()));
        }
    }

    private static Requirements requirements(Node node, String what, Version release) {
        Map<String, Node> fields = object(node, "the requirements of " + what,
                "minimumMongo", "featureCompatibilityVersion", "requiredEnvironment", "mandatoryStop");
        MongoVersion minimumMongo = fields.containsKey("minimumMongo") ? series(fields.get("minimumMongo"), "minimumMongo") : null;
        MongoVersion fcv = null;
        if (fields.containsKey("featureCompatibilityVersion")) {
            Node fcvNode = fields.get("featureCompatibilityVersion");
            fcv = series(fcvNode, "featureCompatibilityVersion");
            if (minimumMongo != null && fcv.compareTo(minimumMongo) > 0) {
                throw new CatalogRefusedException(fcvNode.line(), "featureCompatibilityVersion " + fcv + " needs MongoDB " + fcv
                        + " but minimumMongo is only " + minimumMongo);
            }
        }
        List<String> environment = new ArrayList<>();
        if (fields.containsKey("requiredEnvironment")) {
            for (Node variable : array(fields.get("requiredEnvironment"), "requiredEnvironment")) {
                String name = text(variable, "requiredEnvironment");
                if (!ENVIRONMENT_NAME.matcher(name).matches()) {
                    throw new CatalogRefusedException(variable.line(), "'" + name + "' is not an environment variable name");
                }
                environment.add(name);
            }
        }
        Version stop = null;
        if (fields.containsKey("mandatoryStop")) {
            Node stopNode = fields.get("mandatoryStop");
            stop = pinned(stopNode, "mandatoryStop");
            if (stop.compareTo(release) >= 0) {
                throw new CatalogRefusedException(stopNode.line(), "mandatoryStop " + stop + " is not earlier than release " + release);
            }
        }
        return new Requirements(minimumMongo, fcv, environment, stop);
    }

    private static Version pinned(Node node, String field) {
        String value = text(node, field);
        if (!PINNED.matcher(value).matches()) {
            throw new CatalogRefusedException(node.line(), field + " '" + value + "' is not a pinned version like 89.0.0");
        }
        return Version.parse(value);
    }

    private static MongoVersion series(Node node, String field) {
        String value = text(node, field);
        try {
            return MongoVersion.parseSeries(value);
        } catch (IllegalArgumentException e) {
            throw new CatalogRefusedException(node.line(), field + " '" + value + "' is not a MongoDB series like 4.4");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Node> object(Node node, String what, String... allowed) {
        if (!(node.value() instanceof Map<?, ?> map)) {
            throw new CatalogRefusedException(node.line(), what + " must be a JSON object");
        }
        Map<String, Node> fields = (Map<String, Node>) map;
        Set<String> known = Set.of(allowed);
        fields.forEach((name, value) -> {
            if (!known.contains(name)) {
                throw new CatalogRefusedException(value.line(), "unknown field '" + name + "' in " + what + "; expected one of " + List.of(allowed));
            }
        });
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static List<Node> array(Node node, String field) {
        if (!(node.value() instanceof List<?> list)) {
            throw new CatalogRefusedException(node.line(), "'" + field + "' must be a JSON array");
        }
        return (List<Node>) list;
    }

    private static Node required(Map<String, Node> fields, String field, Node parent, String what) {
        Node node = fields.get(field);
        if (node == null) {
            throw new CatalogRefusedException(parent.line(), what + " has no '" + field + "'");
        }
        return node;
    }

    private static String text(Node node, String field) {
        if (!(node.value() instanceof String value) || value.isBlank()) {
            throw new CatalogRefusedException(node.line(), "'" + field + "' must be a non-empty string");
        }
        return value;
    }
}
