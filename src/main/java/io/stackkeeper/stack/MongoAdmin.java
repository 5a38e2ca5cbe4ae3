package io.stackkeeper.stack;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.Document;

/** Administration of the stack's MongoDB through the sync driver: health, version, FCV, databases. */
class MongoAdmin implements Closeable {

    private static final List<String> SYSTEM_DATABASES = List.of("admin", "local", "config");

    private final MongoClient client;
    private final String where;

    MongoAdmin(String uri, Duration timeout) {
        ConnectionString connection = connection(uri);
        this.where = String.join(",", connection.getHosts());
        this.client = client(connection, timeout, timeout);
    }

    /**
     * A client for dumps and restores, whose reads are not bounded. Its server monitor and its connects get a patience
     * of their own (at least {@value #LONG_WORK_PATIENCE_SECONDS} s): the driver's monitor reads its heartbeat with the
     * connect timeout, and a saturated server that answers it late would otherwise be marked unknown, its connection
     * pool cleared and the running dump failed ("connection pool paused").
     */
    static MongoClient longWorkClient(String uri, Duration timeout) {
        Duration patience = timeout.compareTo(Duration.ofSeconds(LONG_WORK_PATIENCE_SECONDS)) > 0 ? timeout
                : Duration.ofSeconds(LONG_WORK_PATIENCE_SECONDS);
        return client(connection(uri), patience, Duration.ZERO);
    }

    static final int LONG_WORK_PATIENCE_SECONDS = 15;

    private static ConnectionString connection(String uri) {
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new StackException("The MongoDB URI is malformed: " + e.getMessage());
        }
    }

    private static MongoClient client(ConnectionString connection, Duration timeout, Duration readTimeout) {
        int millis = (int) timeout.toMillis();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(millis, TimeUnit.MILLISECONDS)
                        .readTimeout((int) readTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .build());
    }

    void ping() {
        call(() -> admin().runCommand(new Document("ping", 1)));
    }

    String version() {
        return call(() -> admin().runCommand(new Document("buildInfo", 1)).getString("version"));
    }

    String featureCompatibilityVersion() {
        return call(() -> {
            Document reply = admin().runCommand(new Document("getParameter", 1).append("featureCompatibilityVersion", 1));
            Object fcv = reply.get("featureCompatibilityVersion");
            return fcv instanceof Document document ? document.getString("version") : String.valueOf(fcv);
        });
    }

    void setFeatureCompatibilityVersion(String version) {
        call(() -> admin().runCommand(new Document("setFeatureCompatibilityVersion", version)));
    }

    List<MongoFacts.Database> databases(boolean includeSystem) {
        return call(() -> {
            List<MongoFacts.Database> databases = new ArrayList<>();
            for (Document db : admin().runCommand(new Document("listDatabases", 1)).getList("databases", Document.class)) {
                String name = db.getString("name");
                if (!includeSystem && SYSTEM_DATABASES.contains(name)) {
                    continue;
                }
                MongoDatabase database = client.getDatabase(name);
                List<MongoFacts.Collection> collections = new ArrayList<>();
                for (String collection : database.listCollectionNames()) {
                    Document stats = database.runCommand(new Document("collStats", collection));
                    collections.add(new MongoFacts.Collection(collection, number(stats.get("count")), number(stats.get("size"))));
                }
                collections.sort(java.util.Comparator.comparing(MongoFacts.Collection::name));
                databases.add(new MongoFacts.Database(name, number(db.get("sizeOnDisk")), collections));
            }
            return databases;
        });
    }

    MongoFacts facts() {
        return new MongoFacts(version(), featureCompatibilityVersion(), databases(false), connections());
    }

    /** Open connections from serverStatus; null when the user lacks the clusterMonitor role for it. */
    private Integer connections() {
        try {
            Object connections = admin().runCommand(new Document("serverStatus", 1)).get("connections");
            return connections instanceof Document d && d.get("current") instanceof Number n ? n.intValue() : null;
        } catch (MongoCommandException notAllowed) {
            return null;
        }
    }

    private MongoDatabase admin() {
        return client.getDatabase("admin");
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (MongoSecurityException e) {
            throw new StackException("MongoDB at " + where + " refused the credentials: authentication failed"
                    + (e.getCredential() == null ? "" : " for user '" + e.getCredential().getUserName() + "'") + ".", e);
        } catch (MongoTimeoutException e) {
            throw new StackException("MongoDB at " + where + " is not reachable: no answer within the timeout.", e);
        } catch (MongoCommandException e) {
            throw new StackException("MongoDB at " + where + " refused the command: " + e.getErrorMessage()
                    + " (code " + e.getErrorCode() + ").", e);
        } catch (RuntimeException e) {
            throw new StackException("MongoDB at " + where + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
