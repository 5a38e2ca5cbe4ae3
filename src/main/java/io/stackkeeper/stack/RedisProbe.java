package io.stackkeeper.stack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * PING and INFO over a plain RESP connection: one short-lived socket per check, so a dead Redis costs one timeout
 * and nothing lingers. (Lettuce would add a client with its own threads for two commands.)
 */
final class RedisProbe {

    private final URI uri;
    private final Duration timeout;

    RedisProbe(String redisUri, Duration timeout) {
        try {
            this.uri = URI.create(redisUri);
        } catch (IllegalArgumentException e) {
            throw new StackException("The Redis URI is malformed: " + e.getMessage());
        }
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new StackException("The Redis URI must look like redis://[:password@]host:port[/db].");
        }
        this.timeout = timeout;
    }

    RedisFacts facts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            authenticate(out, in);
            String pong = command(out, in, "PING");
            if (!"PONG".equals(pong)) {
                throw new StackException("Redis at " + where() + " answered PING with '" + pong + "'.");
            }
            return parseInfo(command(out, in, "INFO"));
        } catch (SocketTimeoutException e) {
            throw new StackException("Redis at " + where() + " did not answer within " + timeout.toMillis() + " ms.", e);
        } catch (ConnectException e) {
            throw new StackException("Redis at " + where() + " is not reachable: connection refused.", e);
        } catch (IOException e) {
            throw new StackException("Redis at " + where() + " is not reachable: " + e.getMessage(), e);
        }
    }

    private void authenticate(OutputStream out, InputStream in) throws IOException {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return;
        }
        String decoded = URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? "" : decoded.substring(0, colon);
        String password = colon < 0 ? decoded : decoded.substring(colon + 1);
        try {
            if (user.isEmpty()) {
                command(out, in, "AUTH", password);
            } else {
                command(out, in, "AUTH", user, password);
            }
        } catch (StackException e) {
            throw new StackException("Redis at " + where() + " refused the credentials: " + e.getMessage());
        }
    }

    private String command(OutputStream out, InputStream in, String... words) throws IOException {
        StringBuilder request = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
            request.append('$').append(bytes.length).append("\r\n").append(word).append("\r\n");
        }
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return reply(in);
    }

    private static String reply(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+', ':' -> {
                return line;
            }
            case '-' -> throw new StackException(line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] data = in.readNBytes(length + 2);
                return new String(data, 0, length, StandardCharsets.UTF_8);
            }
            default -> throw new IOException("unexpected Redis reply '" + (char) type + line + "'");
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\r') {
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }

    static RedisFacts parseInfo(String info) {
        Map<String, String> fields = new HashMap<>();
        for (String row : info.split("\r?\n")) {
            int colon = row.indexOf(':');
            if (colon > 0 && !row.startsWith("#")) {
                fields.put(row.substring(0, colon), row.substring(colon + 1).strip());
            }
        }
        return new RedisFacts(fields.get("redis_version"), parseLong(fields.get("used_memory")), fields.get("used_memory_human"),
                (int) parseLong(fields.get("connected_clients")), parseLong(fields.get("uptime_in_seconds")));
    }

    private static long parseLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private int port() {
        return uri.getPort() > 0 ? uri.getPort() : 6379;
    }

    private String where() {
        return uri.getHost() + ":" + port();
    }
}
