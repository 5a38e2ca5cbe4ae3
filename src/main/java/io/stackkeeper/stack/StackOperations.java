package io.stackkeeper.stack;

import com.mongodb.client.MongoClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Work on the running stack for backups, restores and upgrades: claims, stopping and recreating containers, pulling
 * and replacing images, MongoDB's FCV and log tails.
 */
@Component
record StackOperations(StackSettingsStore store, StackClients clients, BoundedCalls calls, ComponentFacts facts,
        StackClaims claims) {

    StackClaim claim(String work, boolean exclusive) {
        return claims.claim(work, exclusive);
    }

    List<String> runningWork() {
        return claims.running();
    }

    Optional<String> stackName() {
        return store.unsealed().map(s -> s.lookupMode() == ContainerLookup.COMPOSE ? s.composeProject() : s.backendContainer());
    }

    MongoClient openMongo() {
        return MongoAdmin.longWorkClient(mongoUri(store.required()), calls.timeout());
    }

    Optional<Path> storageFolder() {
        UnsealedSettings s = store.required();
        if (s.storageHostPath() != null) {
            return Optional.of(Path.of(s.storageHostPath()));
        }
        return Optional.ofNullable(ComponentFacts.storageHostPath(s, container(s, StackPart.BACKEND))).map(Path::of);
    }

    ContainerFacts container(StackPart part) {
        return container(store.required(), part);
    }

    void stopBackend(Duration grace) {
        UnsealedSettings s = store.required();
        clients.of(s).stop(container(s, StackPart.BACKEND).id(), grace);
    }

    void startBackend() {
        UnsealedSettings s = store.required();
        clients.of(s).start(container(s, StackPart.BACKEND).id());
    }

    ContainerFacts recreateBackendWithStorage(Path storage, Duration grace) {
        UnsealedSettings s = store.required();
        ContainerFacts backend = container(s, StackPart.BACKEND);
        return clients.of(s).recreate(backend.id(), backend.image(), grace,
                storage == null ? Map.of() : Map.of(StackService.STORAGE_MOUNT, storage.toString()));
    }

    String pullRelease(StackPart part, String tag, Duration timeout) {
        UnsealedSettings s = store.required();
        String image = ImageReference.parse(container(s, part).image()).withTag(tag).toString();
        StackClient client = clients.of(s);
        if (!client.imagePresent(image)) {
            client.pull(image, timeout);
        }
        return image;
    }

    ContainerFacts replaceImage(StackClaim claim, StackPart part, String image, String imageId, Duration grace) {
        claims.requireExclusive(claim);
        UnsealedSettings s = store.required();
        StackClient client = clients.of(s);
        ContainerFacts current = container(s, part);
        if (imageId != null && !client.imageId(image).map(imageId::equals).orElse(false)) {
            if (client.imageId(imageId).isEmpty()) {
                throw new StackException("The image " + imageId + " that ran before is no longer on the engine.");
            }
            ImageReference reference = ImageReference.parse(image);
            client.tag(imageId, (reference.registry() == null ? "" : reference.registry() + "/") + reference.repository(), reference.tag());
        }
        ContainerFacts replaced = client.recreate(current.id(), image, grace, Map.of());
        if (imageId != null && !imageId.equals(replaced.imageId())) {
            throw new StackException("The " + part.label() + " runs " + replaced.imageId() + ", not " + imageId + ".");
        }
        return replaced;
    }

    List<String> logTail(StackPart part, int lines) {
        UnsealedSettings s = store.required();
        return clients.of(s).logTail(container(s, part).id(), lines);
    }

    FollowedLogs followLogs(StackPart part, Instant since, int tail, Consumer<String> stampedLine, Runnable ended) {
        UnsealedSettings s = store.required();
        ContainerFacts container = container(s, part);
        if (!"running".equalsIgnoreCase(container.state())) {
            // a stream opened on a container that is being created or replaced may never carry the new one's lines
            throw new StackException("The " + part.label() + " container " + container.name() + " is not running (" + container.state() + ").");
        }
        return new FollowedLogs(container.id(), container.name(), clients.of(s).followLogs(container.id(), since, tail, stampedLine, ended));
    }

    java.io.Closeable followContainerEvents(Instant since, Consumer<ContainerEvent> event, Runnable ended) {
        return clients.of(store.required()).events(since, event, ended);
    }

    void setFeatureCompatibilityVersion(StackClaim claim, String version) {
        claims.requireExclusive(claim);
        try (MongoAdmin mongo = new MongoAdmin(mongoUri(store.required()), calls.timeout())) {
            mongo.setFeatureCompatibilityVersion(version);
        }
    }

    private ContainerFacts container(UnsealedSettings s, StackPart part) {
        return calls.bounded(() -> facts.container(s, part));
    }

    private static String mongoUri(UnsealedSettings s) {
        if (s.mongoUri() == null) {
            throw new StackException("No MongoDB URI is set in the stack settings.");
        }
        return s.mongoUri();
    }
}
