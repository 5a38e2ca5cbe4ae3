package io.stackkeeper.stack;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@link StackClient} on docker-java with the httpclient5 transport; works against Docker and Podman's Docker API. */
class DockerStackClient implements StackClient {

    static final String COMPOSE_PROJECT = "com.docker.compose.project";
    static final String COMPOSE_SERVICE = "com.docker.compose.service";

    private final DockerClient docker;
    private final EngineCalls calls;
    private final ContainerRecreation recreation;

    /**
     * @param endpoint {@code unix:///var/run/docker.sock} or {@code tcp://host:2376}
     * @param tlsCertPath folder with ca.pem, cert.pem and key.pem for tcp with TLS, or {@code null}
     */
    DockerStackClient(String endpoint, String tlsCertPath, Duration timeout) {
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
        this.calls = new EngineCalls(endpoint);
        this.recreation = new ContainerRecreation(docker, this, calls);
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
            return EngineAnswers.container(docker.inspectContainerCmd(id).exec());
        } catch (NotFoundException gone) {
            return null;
        }
    }

    @Override
    public Optional<ContainerFacts> inspect(String nameOrId) {
        return call("inspect container " + nameOrId, () -> {
            try {
                return Optional.of(EngineAnswers.container(docker.inspectContainerCmd(nameOrId).exec()));
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
            if (spec.memoryBytes() > 0) {
                host.withMemory(spec.memoryBytes()).withMemorySwap(spec.memoryBytes());
            }
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
        return recreation.recreate(nameOrId, image, grace, newBindSources);
    }

    @Override
    public List<ImageFacts> listImages() {
        return call("list images", () -> docker.listImagesCmd().exec().stream().map(EngineAnswers::image).toList());
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
                throw new StackException("The image " + image + " is not present and cannot be pulled: " + EngineCalls.firstLine(e.getMessage()), e);
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
    public Closeable followLogs(String nameOrId, Instant since, int tail, Consumer<String> stampedLine, Runnable ended) {
        return call("follow logs of " + nameOrId, () -> {
            var command = docker.logContainerCmd(nameOrId).withStdOut(true).withStdErr(true).withFollowStream(true).withTimestamps(true);
            return (since == null ? command.withTail(tail) : command.withSince((int) since.getEpochSecond())).exec(new LogLines(stampedLine, ended));
        });
    }

    @Override
    public Closeable events(Instant since, Consumer<ContainerEvent> event, Runnable ended) {
        return call("follow engine events", () -> {
            var command = docker.eventsCmd().withEventTypeFilter(EventType.CONTAINER);
            return (since == null ? command : command.withSince(Long.toString(since.getEpochSecond()))).exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event e) {
                        EngineAnswers.containerEvent(e).ifPresent(event);
                    }

                    @Override
                    public void onComplete() {
                        ended.run();
                    }

                    @Override
                    public void onError(Throwable failure) {
                        ended.run();
                    }
                });
        });
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    private <T> T call(String what, Supplier<T> action) {
        return calls.call(what, action);
    }
}
