package io.stackkeeper.monitoring;

import io.stackkeeper.stack.ComponentReading;
import io.stackkeeper.stack.ContainerFacts;
import io.stackkeeper.stack.EngineInfo;
import io.stackkeeper.stack.MongoFacts;
import io.stackkeeper.stack.RedisFacts;
import io.stackkeeper.stack.StackPart;
import io.stackkeeper.stack.StackService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The stack's own parts read through the stack feature, with the configured credentials: the engine, MongoDB
 * (connect, authenticate, ping), Redis (PING, INFO) and the containers (running, health, restarts since the last
 * check, OOM kill, exit code).
 */
@Component
class StackChecks {

    private final StackService stack;
    private final Map<Long, Integer> restartsSeen = new ConcurrentHashMap<>();

    StackChecks(StackService stack) {
        this.stack = stack;
    }

    Finding engine() {
        ComponentReading<EngineInfo> reading = stack.engine().join();
        EngineInfo engine = read(reading);
        return Finding.measured(engine.product() + " " + engine.version() + " answers", time(reading));
    }

    Finding mongo() {
        ComponentReading<MongoFacts> reading = stack.mongo().join();
        MongoFacts mongo = read(reading);
        Measure databases = new Measure("databases", mongo.databases().size(), "");
        String words = "MongoDB " + mongo.version() + " answers, " + mongo.databases().size() + " databases";
        if (mongo.connections() == null) {
            return Finding.measured(words, time(reading), databases);
        }
        return Finding.measured(words + ", " + mongo.connections() + " connections", time(reading), databases,
                new Measure("connections", mongo.connections(), ""));
    }

    Finding redis() {
        ComponentReading<RedisFacts> reading = stack.redis().join();
        RedisFacts redis = read(reading);
        return Finding.measured("Redis " + redis.version() + " answers PONG, " + redis.usedMemoryHuman() + " used, "
                + redis.connectedClients() + " clients", time(reading), new Measure("used memory", redis.usedMemoryBytes(), "B"),
                new Measure("clients", redis.connectedClients(), ""));
    }

    Finding container(ProbeDefinition probe) {
        StackPart part = "frontend".equals(probe.settings().target()) ? StackPart.FRONTEND : StackPart.BACKEND;
        ContainerFacts c = stack.container(part);
        Integer before = restartsSeen.put(probe.id(), c.restartCount());
        int restarted = before == null ? 0 : Math.max(0, c.restartCount() - before);
        Measure[] measures = {new Measure("restarts", c.restartCount(), "c"), new Measure("exit code", c.exitCode(), "")};
        String name = part.label() + " container " + c.name();
        if (c.oomKilled()) {
            return Finding.failed(name + " was killed for memory (OOM), exit code " + c.exitCode(), measures);
        }
        if (!c.running()) {
            return Finding.failed(name + " is " + c.state() + ", exit code " + c.exitCode(), measures);
        }
        if ("unhealthy".equals(c.health())) {
            return Finding.failed(name + " runs but its health check says unhealthy", measures);
        }
        if (restarted > 0) {
            return Finding.warning(name + " restarted " + restarted + " times since the last check", measures);
        }
        return Finding.measured(name + " runs" + (c.health() == null ? "" : ", " + c.health()), measures);
    }

    private static <T> T read(ComponentReading<T> reading) {
        if (reading.ok()) {
            return reading.facts();
        }
        if (reading.error() != null && reading.error().contains("not configured")) {
            throw new CheckUnavailableException(reading.error());
        }
        throw new IllegalStateException(reading.error());
    }

    private static Measure time(ComponentReading<?> reading) {
        return new Measure("time", reading.millis() / 1000.0, "s");
    }
}
