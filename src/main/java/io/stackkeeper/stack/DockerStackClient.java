package io.stackkeeper.stack;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@link StackClient} on docker-java with the httpclient5 transport; works against Docker and Podman's Docker API. */
class DockerStackClient implements StackClient {

    static final String COMPOSE_PROJECT = "com.docker.compose.project";
    static final String COMPOSE_SERVICE = "com.docker.compose.service";

    private final String endpoint;
    private final DockerClient docker;

    /**
     * @param endpoint {@code unix:///var/run/docker.sock} or {@code tcp://host:2376}
     * @param tlsCertPath folder with ca.pem, cert.pem and key.pem for tcp with TLS, or {@code null}
     */
    DockerStackClient(String endpoint, String tlsCertPath, Duration timeout) {
        this.endpoint = endpoint;
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint)
                .withApiVersion("1.41")
                .withDockerTlsVerify(tlsCertPath != null && !tlsCertPath.isBlank());
        if (tlsCertPath != null && !tlsCertPath.isBlank()) {
            config.withDockerCertPath(tlsCertPath);
        }
        DockerClientConfig built = config.build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(built.getDockerHost())
                .sslConfig(built.getSSLConfig())
                .connectionTimeout(timeout)
                .responseTimeout(Duration.ofMinutes(10))
                .maxConnections(16)
                .build();
        this.docker = DockerClientImpl.getInstance(built, http);
    }

    /** Podman answers /version in about a second, so it is asked once per client; /_ping proves it is still there. */
    private volatile EngineInfo engineInfo;

    @Override
    public EngineInfo ping() {
        return call("reach the engine", () -> {
            docker.pingCmd().exec();
            EngineInfo known = engineInfo;
            if (known != null) {
                return known;
            }
            var version = docker.versionCmd().exec();
            String product = version.getComponents() == null ? "Docker Engine" : version.getComponents().stream()
                    .map(c -> c.getName()).filter(n -> n != null && !n.isBlank()).findFirst().orElse("Docker Engine");
            engineInfo = new EngineInfo(product, version.getVersion(), version.getApiVersion(), version.getOperatingSystem());
            return engineInfo;
        });
    }

    @Override
    public List<ContainerFacts> listContainers() {
        return call("list containers", () -> docker.listContainersCmd().withShowAll(true).exec().stream()
                .map(c -> inspectOrNull(c.getId())).filter(java.util.Objects::nonNull).toList());
    }

    private ContainerFacts inspectOrNull(String id) {
        try {
            return facts(docker.inspectContainerCmd(id).exec());
        } catch (NotFoundException gone) {
            return null;
        }
    }

    @Override
    public Optional<ContainerFacts> inspect(String nameOrId) {
        return call("inspect container " + nameOrId, () -> {
            try {
                return Optional.of(facts(docker.inspectContainerCmd(nameOrId).exec()));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<ContainerFacts> findByComposeService(String project, String service) {
        return call("find compose service " + project + "/" + service, () -> docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(COMPOSE_PROJECT, project, COMPOSE_SERVICE, service)).exec().stream()
                .map(c -> inspectOrNull(c.getId())).filter(java.util.Objects::nonNull)
                .sorted((a, b) -> Boolean.compare(b.running(), a.running())).findFirst());
    }

    @Override
    public ContainerFacts run(ContainerSpec spec) {
        String id = call("create " + spec.name() + " from " + spec.image(), () -> {
            HostConfig host = HostConfig.newHostConfig()
                    .withBinds(spec.binds().entrySet().stream().map(b -> new Bind(b.getKey(), new Volume(b.getValue()))).toList())
                    .withPortBindings(spec.ports().entrySet().stream()
                            .map(p -> new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", p.getValue()), ExposedPort.tcp(p.getKey())))
                            .toList())
                    .withRestartPolicy(RestartPolicy.parse(spec.restartPolicy() == null ? "no" : spec.restartPolicy()));
            CreateContainerCmd create = docker.createContainerCmd(spec.image()).withName(spec.name()).withHostConfig(host)
                    .withEnv(spec.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                    .withLabels(spec.labels())
                    .withExposedPorts(spec.ports().keySet().stream().map(ExposedPort::tcp).toList());
            if (spec.command() != null && !spec.command().isEmpty()) {
                create.withCmd(spec.command());
            }
            return create.exec().getId();
        });
        start(id);
        return inspect(id).orElseThrow(() -> new StackException("The container " + spec.name() + " vanished after start."));
    }

    @Override
    public void stop(String nameOrId, Duration grace) {
        call("stop " + nameOrId, () -> {
            try {
                docker.stopContainerCmd(nameOrId).withTimeout((int) grace.toSeconds()).exec();
            } catch (com.github.dockerjava.api.exception.NotModifiedException alreadyStopped) {
                // stopping a stopped container is fine
            }
            return null;
        });
    }

    @Override
    public void start(String nameOrId) {
        call("start " + nameOrId, () -> {
            try {
                docker.startContainerCmd(nameOrId).exec();
            } catch (com.github.dockerjava.api.exception.NotModifiedException alreadyRunning) {
                // starting a running container is fine
            }
            return null;
        });
    }

    @Override
    public void remove(String nameOrId) {
        call("remove " + nameOrId, () -> {
            docker.removeContainerCmd(nameOrId).withForce(true).withRemoveVolumes(false).exec();
            return null;
        });
    }

    @Override
    public ContainerFacts recreate(String nameOrId, String image, Duration grace, Map<String, String> newBindSources) {
        InspectContainerResponse old = call("inspect container " + nameOrId, () -> docker.inspectContainerCmd(nameOrId).exec());
        String name = old.getName().startsWith("/") ? old.getName().substring(1) : old.getName();
        if (!imagePresent(image)) {
            throw new StackException("The image " + image + " is not present on the engine: pull it first.");
        }
        ContainerConfig oldImageConfig = imageConfig(old.getImageId());
        boolean wasRunning = Boolean.TRUE.equals(old.getState().getRunning());
        String parked = name + "-replaced-" + Instant.now().getEpochSecond();
        stop(old.getId(), grace);
        call("rename " + name, () -> {
            docker.renameContainerCmd(old.getId()).withName(parked).exec();
            return null;
        });
        String newId = null;
        try {
            newId = call("create " + name + " from " + image, () -> createLike(old, oldImageConfig, name, image, newBindSources).exec().getId());
            connectExtraNetworks(old, newId);
            String created = newId;
            call("start " + name, () -> {
                docker.startContainerCmd(created).exec();
                return null;
            });
        } catch (RuntimeException failure) {
            putBack(old.getId(), newId, name, wasRunning, failure);
            throw failure;
        }
        remove(old.getId());
        return inspect(newId).orElseThrow(() -> new StackException("The new container " + name + " vanished after start."));
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
     * Podman reports ulimits by their kernel names ({@code RLIMIT_NOFILE}) but accepts only Docker's ({@code nofile})
     * when creating; Docker reports Docker's names, which this leaves unchanged.
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
                call("connect " + newId + " to " + network, () -> {
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

    @Override
    public List<ImageFacts> listImages() {
        return call("list images", () -> docker.listImagesCmd().exec().stream().map(DockerStackClient::imageFacts).toList());
    }

    private static ImageFacts imageFacts(Image image) {
        return new ImageFacts(image.getId(), image.getRepoTags() == null ? List.of() : Arrays.asList(image.getRepoTags()),
                image.getRepoDigests() == null ? List.of() : Arrays.asList(image.getRepoDigests()),
                image.getCreated() == null ? null : Instant.ofEpochSecond(image.getCreated()),
                image.getSize() == null ? 0 : image.getSize());
    }

    @Override
    public boolean imagePresent(String image) {
        return call("inspect image " + image, () -> {
            try {
                docker.inspectImageCmd(image).exec();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    @Override
    public Optional<String> imageId(String image) {
        return call("inspect image " + image, () -> {
            try {
                return Optional.ofNullable(docker.inspectImageCmd(image).exec().getId());
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void pull(String image, Duration timeout) {
        ImageReference reference = ImageReference.parse(image);
        if (reference.floating()) {
            throw new StackException("Refusing to pull " + image + ": '" + reference.tag() + "' is a floating tag; pin a version.");
        }
        String repository = (reference.registry() == null ? "" : reference.registry() + "/") + reference.repository();
        call("pull " + image, () -> {
            try {
                boolean done = docker.pullImageCmd(repository).withTag(reference.tag())
                        .exec(new ResultCallback.Adapter<>()).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!done) {
                    throw new StackException("Pulling " + image + " took longer than " + timeout.toSeconds() + " s.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Pulling " + image + " was interrupted.");
            } catch (DockerException e) {
                throw new StackException("The image " + image + " is not present and cannot be pulled: " + firstLine(e.getMessage()), e);
            }
            if (!imagePresent(image)) {
                throw new StackException("The image " + image + " is not present and cannot be pulled.");
            }
            return null;
        });
    }

    @Override
    public void tag(String image, String repository, String tag) {
        call("tag " + image, () -> {
            docker.tagImageCmd(image, repository, tag).exec();
            return null;
        });
    }

    @Override
    public void untag(String image) {
        call("untag " + image, () -> {
            try {
                docker.removeImageCmd(image).withNoPrune(true).exec();
            } catch (NotFoundException alreadyGone) {
                // nothing to remove
            }
            return null;
        });
    }

    @Override
    public List<String> logTail(String nameOrId, int lines) {
        List<String> tail = java.util.Collections.synchronizedList(new ArrayList<>());
        LogLines reader = new LogLines(tail::add);
        call("read the logs of " + nameOrId, () -> {
            try (LogLines reading = docker.logContainerCmd(nameOrId).withStdOut(true).withStdErr(true).withTail(lines).exec(reader)) {
                if (!reading.awaitCompletion(30, TimeUnit.SECONDS)) {
                    throw new StackException("Reading the last " + lines + " log lines of " + nameOrId + " took longer than 30 s.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Reading the logs of " + nameOrId + " was interrupted.");
            } catch (IOException e) {
                throw new StackException("Reading the logs of " + nameOrId + " failed: " + e.getMessage(), e);
            }
            return null;
        });
        reader.flush();
        synchronized (tail) {
            return List.copyOf(tail.size() > lines ? tail.subList(tail.size() - lines, tail.size()) : tail);
        }
    }

    @Override
    public Closeable followLogs(String nameOrId, int tail, Consumer<String> line) {
        return call("follow logs of " + nameOrId, () -> docker.logContainerCmd(nameOrId)
                .withStdOut(true).withStdErr(true).withFollowStream(true).withTail(tail)
                .exec(new LogLines(line)));
    }

    @Override
    public Closeable events(Consumer<String> event) {
        return call("follow engine events", () -> docker.eventsCmd().exec(new ResultCallback.Adapter<Event>() {
            @Override
            public void onNext(Event e) {
                String subject = e.getActor() == null || e.getActor().getAttributes() == null ? e.getId()
                        : e.getActor().getAttributes().getOrDefault("name", e.getId());
                event.accept(e.getType() + " " + e.getAction() + " " + subject);
            }
        }));
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    private ContainerFacts facts(InspectContainerResponse c) {
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

    /** Runs one engine call, turning failures into messages that say what could not be done and why. */
    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (StackException e) {
            throw e;
        } catch (NotFoundException e) {
            throw new StackException("Could not " + what + ": not found on the engine (" + firstLine(e.getMessage()) + ").", e);
        } catch (ConflictException e) {
            throw new StackException("Could not " + what + ": " + firstLine(e.getMessage()), e);
        } catch (DockerException e) {
            throw new StackException("Could not " + what + ": the engine answered " + e.getHttpStatus() + " " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new StackException("Could not " + what + ": " + transportProblem(e), e);
        }
    }

    private String transportProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            boolean missingSocket = cause instanceof java.net.SocketException && String.valueOf(cause.getMessage()).contains("No such file");
            if (cause instanceof NoSuchFileException || cause instanceof ConnectException || missingSocket) {
                return "the container engine at " + endpoint + " is not reachable (" + cause.getClass().getSimpleName() + ": "
                        + firstLine(cause.getMessage()) + "). Is the engine running?";
            }
            if (cause instanceof AccessDeniedException || String.valueOf(cause.getMessage()).contains("Permission denied")) {
                return "permission denied on " + endpoint + ": the portal's user may not use the engine's socket.";
            }
            if (cause instanceof SocketTimeoutException) {
                return "the container engine at " + endpoint + " did not answer in time.";
            }
        }
        return firstLine(String.valueOf(e.getMessage()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip();
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline);
    }
}
