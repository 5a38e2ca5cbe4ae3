package io.stackkeeper.stack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;
import java.io.Closeable;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.h2.mvstore.MVStore;

/**
 * A STAND-IN for MongoDB, for tests and the demo stack only: mongo-java-server (a MongoDB wire-protocol server in
 * Java) plus the admin commands the portal uses and it lacks: {@code getParameter}/{@code setFeatureCompatibilityVersion},
 * {@code createUser} and SCRAM-SHA-256 authentication, and a configurable reported server version. Credentials are
 * checked at authentication only; the stand-in does not enforce authorisation on other commands. Package-private: the
 * demo is its one user in the portal; tests reach it through their own fixture.
 */
final class MongoStandInServer implements Closeable {

    private final MongoServer server;
    private final StandInBackend backend;
    private final InetSocketAddress address;

    private MongoStandInServer(MVStore store, String version, String featureCompatibilityVersion, int port) {
        this.backend = new StandInBackend(store, version, featureCompatibilityVersion);
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        this.address = server.getLocalAddress();
    }

    /** An in-memory stand-in on a free loopback port. */
    static MongoStandInServer inMemory(String version, String featureCompatibilityVersion) {
        return new MongoStandInServer(MVStore.open(null), version, featureCompatibilityVersion, 0);
    }

    /** A stand-in that keeps its data in one file (the demo stack's MongoDB), on a free loopback port. */
    static MongoStandInServer persistent(Path file, String version, String featureCompatibilityVersion) {
        return new MongoStandInServer(new MVStore.Builder().fileName(file.toString()).open(), version, featureCompatibilityVersion, 0);
    }

    int port() {
        return address.getPort();
    }

    /** {@code mongodb://127.0.0.1:<port>} without credentials. */
    String uri() {
        return "mongodb://127.0.0.1:" + port();
    }

    /** Adds a user that can authenticate with SCRAM-SHA-256 against the {@code admin} database. */
    void createUser(String username, String password) {
        backend.users.put(username, ScramCredential.create(password));
    }

    String featureCompatibilityVersion() {
        return backend.featureCompatibilityVersion;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private static final class StandInBackend extends H2Backend {

        private final String version;
        private volatile String featureCompatibilityVersion;
        private final Map<String, ScramCredential> users = new ConcurrentHashMap<>();
        private final Map<Integer, ScramConversation> conversations = new ConcurrentHashMap<>();
        private final SecureRandom random = new SecureRandom();

        StandInBackend(MVStore store, String version, String featureCompatibilityVersion) {
            super(store);
            this.version = version;
            this.featureCompatibilityVersion = featureCompatibilityVersion;
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            switch (command) {
                case "getParameter":
                    if (query.containsKey("featureCompatibilityVersion")) {
                        return ok().append("featureCompatibilityVersion", new Document("version", featureCompatibilityVersion));
                    }
                    break;
                case "setFeatureCompatibilityVersion":
                    featureCompatibilityVersion = String.valueOf(query.get(command));
                    return ok();
                case "buildInfo", "buildinfo":
                    Document info = super.handleCommand(channel, database, command, query);
                    info.put("version", version);
                    info.put("versionArray", List.of(part(0), part(1), part(2), 0));
                    return info;
                case "createUser":
                    users.put(String.valueOf(query.get(command)), ScramCredential.create(String.valueOf(query.get("pwd"))));
                    return ok();
                case "saslStart":
                    return saslStart(channel, query);
                case "saslContinue":
                    return saslContinue(query);
                case "isMaster", "ismaster", "hello":
                    Document reply = super.handleCommand(channel, database, "isMaster", query);
                    if (query.containsKey("saslSupportedMechs")) {
                        reply.put("saslSupportedMechs", List.of("SCRAM-SHA-256"));
                    }
                    return reply;
                default:
                    break;
            }
            return super.handleCommand(channel, database, command, query);
        }

        private int part(int index) {
            String[] parts = version.split("\\.");
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        }

        private Document saslStart(Channel channel, Document query) {
            if (!"SCRAM-SHA-256".equals(query.get("mechanism"))) {
                throw new MongoServerError(2, "BadValue", "Only SCRAM-SHA-256 is supported by this stand-in");
            }
            String clientFirst = new String(bytes(query.get("payload")), StandardCharsets.UTF_8);
            String bare = clientFirst.substring(clientFirst.indexOf("n=", 2));
            String user = attribute(bare, 'n').replace("=2C", ",").replace("=3D", "=");
            ScramCredential credential = users.get(user);
            byte[] nonceBytes = new byte[18];
            random.nextBytes(nonceBytes);
            String nonce = attribute(bare, 'r') + Base64.getEncoder().encodeToString(nonceBytes);
            ScramCredential presented = credential != null ? credential : ScramCredential.create(Base64.getEncoder().encodeToString(nonceBytes));
            String serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(presented.salt) + ",i=" + ScramCredential.ITERATIONS;
            int id = channel == null ? random.nextInt(Integer.MAX_VALUE) : Math.abs(channel.id().hashCode());
            conversations.put(id, new ScramConversation(credential, bare, serverFirst, nonce));
            return ok().append("conversationId", id).append("done", false).append("payload", new BinData(serverFirst.getBytes(StandardCharsets.UTF_8)));
        }

        private Document saslContinue(Document query) {
            int id = ((Number) query.get("conversationId")).intValue();
            byte[] payload = bytes(query.get("payload"));
            ScramConversation conversation = conversations.get(id);
            if (conversation == null) {
                throw authenticationFailed();
            }
            if (payload.length == 0 && conversation.verified) {
                conversations.remove(id);
                return ok().append("conversationId", id).append("done", true).append("payload", new BinData(new byte[0]));
            }
            String clientFinal = new String(payload, StandardCharsets.UTF_8);
            int proofAt = clientFinal.lastIndexOf(",p=");
            String withoutProof = clientFinal.substring(0, proofAt);
            byte[] proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
            if (conversation.credential == null || !conversation.nonce.equals(attribute(withoutProof, 'r'))) {
                conversations.remove(id);
                throw authenticationFailed();
            }
            String authMessage = conversation.clientFirstBare + "," + conversation.serverFirst + "," + withoutProof;
            byte[] signature = ScramCredential.hmac(conversation.credential.storedKey, authMessage);
            byte[] clientKey = new byte[proof.length];
            for (int i = 0; i < proof.length; i++) {
                clientKey[i] = (byte) (proof[i] ^ signature[i]);
            }
            if (!MessageDigest.isEqual(ScramCredential.sha256(clientKey), conversation.credential.storedKey)) {
                conversations.remove(id);
                throw authenticationFailed();
            }
            conversation.verified = true;
            String serverFinal = "v=" + Base64.getEncoder().encodeToString(ScramCredential.hmac(conversation.credential.serverKey, authMessage));
            boolean skipEmptyExchange = query.get("options") instanceof Document options && Boolean.TRUE.equals(options.get("skipEmptyExchange"));
            if (skipEmptyExchange) {
                conversations.remove(id);
            }
            return ok().append("conversationId", id).append("done", skipEmptyExchange)
                    .append("payload", new BinData(serverFinal.getBytes(StandardCharsets.UTF_8)));
        }

        private static MongoServerError authenticationFailed() {
            return new MongoServerError(18, "AuthenticationFailed", "Authentication failed.");
        }

        private static byte[] bytes(Object payload) {
            if (payload instanceof BinData binData) {
                return binData.getData();
            }
            if (payload instanceof byte[] raw) {
                return raw;
            }
            return new byte[0];
        }

        private static String attribute(String message, char name) {
            for (String part : message.split(",")) {
                if (part.length() > 1 && part.charAt(0) == name && part.charAt(1) == '=') {
                    return part.substring(2);
                }
            }
            return "";
        }

        private static Document ok() {
            return new Document("ok", 1.0);
        }
    }

    private static final class ScramConversation {
        final ScramCredential credential;
        final String clientFirstBare;
        final String serverFirst;
        final String nonce;
        volatile boolean verified;

        ScramConversation(ScramCredential credential, String clientFirstBare, String serverFirst, String nonce) {
            this.credential = credential;
            this.clientFirstBare = clientFirstBare;
            this.serverFirst = serverFirst;
            this.nonce = nonce;
        }
    }

    /** RFC 5802/7677 server-side credential: salt, stored key and server key; the password itself is not kept. */
    private record ScramCredential(byte[] salt, byte[] storedKey, byte[] serverKey) {

        static final int ITERATIONS = 15_000;

        static ScramCredential create(String password) {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            try {
                byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                        .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
                return new ScramCredential(salt, sha256(hmac(salted, "Client Key")), hmac(salted, "Server Key"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        static byte[] hmac(byte[] key, String message) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        static byte[] sha256(byte[] data) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(data);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
