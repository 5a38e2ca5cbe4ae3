package io.stackkeeper.stack;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image name as engines report it ({@code quay.io/acme/backend:89.0.0}, {@code localhost/x:1},
 * {@code docker.io/library/redis:7}), split into registry, repository and tag, with the tag's pinned version if it
 * is one. Engines qualify names differently, so {@link #repositoryKey()} is what to compare.
 *
 * @param registry host[:port], or {@code null} for the engine's default (Docker Hub)
 * @param repository path inside the registry, e.g. {@code acme/backend}
 * @param tag the tag, {@code latest} when none was given
 * @param digest {@code sha256:...} when the reference pins a digest
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

    private static final Pattern PINNED = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");

    public static ImageReference parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("An image reference is empty.");
        }
        String rest = reference.strip();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = "latest";
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String registry = null;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("'" + reference + "' names no repository.");
        }
        return new ImageReference(registry, rest, tag, digest);
    }

    /** The tag's version when it is pinned ({@code 89.0.0}, {@code v26.0.2}); empty for {@code latest} and the like. */
    public Optional<Version> version() {
        Matcher m = PINNED.matcher(tag);
        return m.matches()
                ? Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))))
                : Optional.empty();
    }

    /** True for floating tags such as {@code latest} or {@code latest-monthly}: anything that is not a pinned version. */
    public boolean floating() {
        return digest == null && version().isEmpty();
    }

    /** The repository without engine-specific prefixes, for comparing names across Docker and Podman. */
    public String repositoryKey() {
        String repo = repository.toLowerCase(Locale.ROOT);
        if ((registry == null || registry.equals("docker.io")) && repo.startsWith("library/")) {
            repo = repo.substring("library/".length());
        }
        String host = registry == null || registry.equals("docker.io") || registry.equals("localhost") ? "" : registry + "/";
        return host + repo;
    }

    public ImageReference withTag(String newTag) {
        return new ImageReference(registry, repository, newTag, null);
    }

    @Override
    public String toString() {
        return (registry == null ? "" : registry + "/") + repository + ":" + tag + (digest == null ? "" : "@" + digest);
    }
}
