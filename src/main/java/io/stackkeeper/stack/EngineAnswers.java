package io.stackkeeper.stack;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Ports;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns the engine's answers (docker-java's models) into the stack's own records. */
final class EngineAnswers {

    private EngineAnswers() {
    }

    static ContainerFacts container(InspectContainerResponse c) {
        String imageName = c.getConfig() == null ? "" : c.getConfig().getImage();
        ImageReference reference = imageName == null || imageName.isBlank() ? null : ImageReference.parse(imageName);
        var state = c.getState();
        List<ContainerFacts.Mount> mounts = c.getMounts() == null ? List.of() : c.getMounts().stream()
                .map(m -> new ContainerFacts.Mount(m.getSource(), m.getDestination() == null ? null : m.getDestination().getPath(),
                        !Boolean.FALSE.equals(m.getRW())))
                .toList();
        List<String> envNames = c.getConfig() == null || c.getConfig().getEnv() == null ? List.of()
                : Arrays.stream(c.getConfig().getEnv()).map(e -> e.contains("=") ? e.substring(0, e.indexOf('=')) : e).sorted().toList();
        List<String> networks = c.getNetworkSettings() == null || c.getNetworkSettings().getNetworks() == null ? List.of()
                : new ArrayList<>(c.getNetworkSettings().getNetworks().keySet());
        String restart = c.getHostConfig() == null || c.getHostConfig().getRestartPolicy() == null ? null
                : c.getHostConfig().getRestartPolicy().getName();
        return new ContainerFacts(c.getId(), c.getName() == null ? "" : c.getName().replaceFirst("^/", ""), imageName, c.getImageId(),
                reference == null ? null : reference.version().map(Version::toString).orElse(null),
                reference != null && reference.floating(),
                state == null ? "unknown" : state.getStatus(), instant(state == null ? null : state.getStartedAt()),
                c.getRestartCount() == null ? 0 : c.getRestartCount(),
                state == null || state.getHealth() == null || state.getHealth().getStatus() == null
                        || state.getHealth().getStatus().isBlank() ? null : state.getHealth().getStatus(),
                state != null && Boolean.TRUE.equals(state.getOOMKilled()),
                state == null || state.getExitCode() == null ? 0 : state.getExitCode(),
                mounts, ports(c), c.getConfig() == null || c.getConfig().getLabels() == null ? Map.of() : Map.copyOf(c.getConfig().getLabels()),
                envNames, networks, restart == null || restart.isBlank() ? "no" : restart);
    }

    private static List<ContainerFacts.PublishedPort> ports(InspectContainerResponse c) {
        Map<ExposedPort, Ports.Binding[]> bindings = new HashMap<>();
        if (c.getNetworkSettings() != null && c.getNetworkSettings().getPorts() != null) {
            bindings.putAll(c.getNetworkSettings().getPorts().getBindings());
        }
        if (bindings.isEmpty() && c.getHostConfig() != null && c.getHostConfig().getPortBindings() != null) {
            bindings.putAll(c.getHostConfig().getPortBindings().getBindings());
        }
        List<ContainerFacts.PublishedPort> ports = new ArrayList<>();
        bindings.forEach((port, binds) -> {
            if (binds == null || binds.length == 0) {
                ports.add(new ContainerFacts.PublishedPort(port.getPort(), port.getProtocol().toString(), null, null));
            } else {
                for (Ports.Binding b : binds) {
                    ports.add(new ContainerFacts.PublishedPort(port.getPort(), port.getProtocol().toString(), b.getHostIp(),
                            b.getHostPortSpec() == null || b.getHostPortSpec().isBlank() ? null : Integer.valueOf(b.getHostPortSpec())));
                }
            }
        });
        ports.sort(java.util.Comparator.comparingInt(ContainerFacts.PublishedPort::containerPort));
        return ports;
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    static ImageFacts image(Image image) {
        return new ImageFacts(image.getId(), image.getRepoTags() == null ? List.of() : Arrays.asList(image.getRepoTags()),
                image.getRepoDigests() == null ? List.of() : Arrays.asList(image.getRepoDigests()),
                image.getCreated() == null ? null : Instant.ofEpochSecond(image.getCreated()),
                image.getSize() == null ? 0 : image.getSize());
    }

    /** A container event, or empty for one without an action or a container. */
    static java.util.Optional<ContainerEvent> containerEvent(Event e) {
        String action = e.getAction() != null ? e.getAction() : e.getStatus();
        if (action == null || e.getId() == null) {
            return java.util.Optional.empty();
        }
        Map<String, String> attributes = e.getActor() == null || e.getActor().getAttributes() == null ? Map.of() : e.getActor().getAttributes();
        Instant at = e.getTimeNano() != null ? Instant.ofEpochSecond(0, e.getTimeNano())
                : e.getTime() != null ? Instant.ofEpochSecond(e.getTime()) : Instant.now();
        return java.util.Optional.of(new ContainerEvent(action.toLowerCase(java.util.Locale.ROOT).replaceFirst(":.*", ""), e.getId(),
                attributes.getOrDefault("name", e.getId()), integer(attributes.get("exitCode")), attributes.get("signal"), at));
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
