package io.stackkeeper.stack;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Recreates a container from another image (or with other bind sources) keeping its name, environment, mounts,
 * ports, networks, labels and restart policy; the old container is parked under another name and put back when
 * anything fails, and removed only once the new one has started.
 */
final class ContainerRecreation {

    private final DockerClient docker;
    private final DockerStackClient client;
    private final EngineCalls calls;

    ContainerRecreation(DockerClient docker, DockerStackClient client, EngineCalls calls) {
        this.docker = docker;
        this.client = client;
        this.calls = calls;
    }

    ContainerFacts recreate(String nameOrId, String image, Duration grace, Map<String, String> newBindSources) {
        InspectContainerResponse old = calls.call("inspect container " + nameOrId, () -> docker.inspectContainerCmd(nameOrId).exec());
        String name = old.getName().startsWith("/") ? old.getName().substring(1) : old.getName();
        if (!client.imagePresent(image)) {
            throw new StackException("The image " + image + " is not present on the engine: pull it first.");
        }
        ContainerConfig oldImageConfig = imageConfig(old.getImageId());
        boolean wasRunning = Boolean.TRUE.equals(old.getState().getRunning());
        String parked = name + "-replaced-" + Instant.now().getEpochSecond();
        client.stop(old.getId(), grace);
        calls.call("rename " + name, () -> {
            docker.renameContainerCmd(old.getId()).withName(parked).exec();
            return null;
        });
        String newId = null;
        try {
            newId = calls.call("create " + name + " from " + image, () -> createLike(old, oldImageConfig, name, image, newBindSources).exec().getId());
            connectExtraNetworks(old, newId);
            String created = newId;
            calls.call("start " + name, () -> {
                docker.startContainerCmd(created).exec();
                return null;
            });
        } catch (RuntimeException failure) {
            putBack(old.getId(), newId, name, wasRunning, failure);
            throw failure;
        }
        client.remove(old.getId());
        return client.inspect(newId).orElseThrow(() -> new StackException("The new container " + name + " vanished after start."));
    }

    private CreateContainerCmd createLike(InspectContainerResponse old, ContainerConfig oldImage, String name, String image,
            Map<String, String> newBindSources) {
        ContainerConfig config = old.getConfig();
        CreateContainerCmd create = docker.createContainerCmd(image)
                .withName(name)
                .withHostConfig(withBindSources(portable(old.getHostConfig()), newBindSources))
                .withEnv(withoutImageDefaults(config.getEnv(), oldImage == null ? null : oldImage.getEnv()))
                .withLabels(labelsWithoutImageDefaults(config.getLabels(), oldImage == null ? null : oldImage.getLabels()));
        if (config.getExposedPorts() != null) {
            create.withExposedPorts(config.getExposedPorts());
        }
        if (!sameAs(config.getCmd(), oldImage == null ? null : oldImage.getCmd())) {
            create.withCmd(config.getCmd());
        }
        if (!sameAs(config.getEntrypoint(), oldImage == null ? null : oldImage.getEntrypoint())) {
            create.withEntrypoint(config.getEntrypoint());
        }
        if (config.getUser() != null && !config.getUser().isBlank()
                && (oldImage == null || !config.getUser().equals(oldImage.getUser()))) {
            create.withUser(config.getUser());
        }
        String primary = old.getHostConfig() == null ? null : old.getHostConfig().getNetworkMode();
        ContainerNetwork primaryNetwork = primary == null || old.getNetworkSettings().getNetworks() == null
                ? null : old.getNetworkSettings().getNetworks().get(primary);
        if (primaryNetwork != null && primaryNetwork.getAliases() != null && !primaryNetwork.getAliases().isEmpty()) {
            create.withAliases(primaryNetwork.getAliases().stream().filter(a -> !old.getId().startsWith(a)).toList());
        }
        return create;
    }

    /**
     * The host config with the bind mounts at these container paths moved to new host folders; refused when the
     * container has no bind mount at one of them.
     */
    private static HostConfig withBindSources(HostConfig host, Map<String, String> newSources) {
        if (newSources.isEmpty()) {
            return host;
        }
        Bind[] binds = host == null || host.getBinds() == null ? new Bind[0] : host.getBinds();
        java.util.Set<String> missing = new java.util.TreeSet<>(newSources.keySet());
        Bind[] replaced = Arrays.stream(binds).map(bind -> {
            String source = newSources.get(bind.getVolume().getPath());
            if (source == null) {
                return bind;
            }
            missing.remove(bind.getVolume().getPath());
            return new Bind(source, bind.getVolume(), bind.getAccessMode(), bind.getSecMode(), bind.getNoCopy(),
                    bind.getPropagationMode());
        }).toArray(Bind[]::new);
        if (!missing.isEmpty()) {
            throw new StackException("The container has no bind mount at " + String.join(", ", missing) + ".");
        }
        return host.withBinds(replaced);
    }

    /**
     * Podman reports ulimits by their kernel names ({@code RLIMIT_NOFILE}) but accepts only Docker's ({@code nofile})
     * when creating; Docker reports Docker's names, which this leaves unchanged.
     */
    static HostConfig portable(HostConfig host) {
        if (host == null || host.getUlimits() == null) {
            return host;
        }
        return host.withUlimits(Arrays.stream(host.getUlimits())
                .map(u -> new Ulimit(u.getName().replaceFirst("^RLIMIT_", "").toLowerCase(java.util.Locale.ROOT), u.getSoftLong(), u.getHardLong()))
                .toList());
    }

    private void connectExtraNetworks(InspectContainerResponse old, String newId) {
        Map<String, ContainerNetwork> networks = old.getNetworkSettings() == null ? null : old.getNetworkSettings().getNetworks();
        if (networks == null) {
            return;
        }
        String primary = old.getHostConfig() == null ? null : old.getHostConfig().getNetworkMode();
        boolean defaultBridge = primary == null || primary.equals("default") || primary.equals("bridge");
        networks.forEach((network, settings) -> {
            boolean isPrimary = network.equals(primary) || defaultBridge && (network.equals("bridge") || network.equals("podman"));
            if (!isPrimary) {
                calls.call("connect " + newId + " to " + network, () -> {
                    docker.connectToNetworkCmd().withNetworkId(network).withContainerId(newId).exec();
                    return null;
                });
            }
        });
    }

    private void putBack(String oldId, String newId, String name, boolean wasRunning, RuntimeException failure) {
        try {
            if (newId != null) {
                docker.removeContainerCmd(newId).withForce(true).exec();
            }
            docker.renameContainerCmd(oldId).withName(name).exec();
            if (wasRunning) {
                docker.startContainerCmd(oldId).exec();
            }
        } catch (RuntimeException restoreFailure) {
            failure.addSuppressed(restoreFailure);
        }
    }

    private ContainerConfig imageConfig(String imageId) {
        try {
            InspectImageResponse image = docker.inspectImageCmd(imageId).exec();
            return image.getConfig();
        } catch (NotFoundException e) {
            return null;
        }
    }

    static String[] withoutImageDefaults(String[] env, String[] imageEnv) {
        if (env == null) {
            return new String[0];
        }
        Set<String> defaults = imageEnv == null ? Set.of() : new HashSet<>(Arrays.asList(imageEnv));
        return Arrays.stream(env).filter(e -> !defaults.contains(e)).toArray(String[]::new);
    }

    static Map<String, String> labelsWithoutImageDefaults(Map<String, String> labels, Map<String, String> imageLabels) {
        Map<String, String> own = new LinkedHashMap<>(labels == null ? Map.of() : labels);
        if (imageLabels != null) {
            imageLabels.forEach((key, value) -> own.remove(key, value));
        }
        return own;
    }

    private static boolean sameAs(String[] a, String[] b) {
        return Arrays.equals(a == null ? new String[0] : a, b == null ? new String[0] : b);
    }
}
