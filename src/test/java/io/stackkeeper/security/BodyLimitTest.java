package io.stackkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bodies are capped before they are read, and the role is checked before the body: the heap never sees 200 MB. */
@PortalTest
class BodyLimitTest {

    private static final long TWO_HUNDRED_MB = 200L << 20;

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    /** Sends a request whose body is generated as it goes (never held), and answers the status line it got. */
    private String send(String token, String method, String path, long bodyBytes, boolean declareLength, AtomicLong sent) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String headers = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + token
                    + "\r\nContent-Type: application/json\r\n"
                    + (declareLength ? "Content-Length: " + bodyBytes : "Transfer-Encoding: chunked") + "\r\n\r\n";
            out.write(headers.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                try {
                    while (sent.get() < bodyBytes) {
                        if (!declareLength) {
                            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write(chunk);
                        if (!declareLength) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        sent.addAndGet(chunk.length);
                    }
                } catch (java.io.IOException closedByTheServer) {
                    // the server answered and closed: what we wanted
                }
            });
            writer.setDaemon(true);
            writer.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String status = in.readLine();
            socket.close();
            writer.join(10_000);
            return status;
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void a_viewer_sending_200_mb_to_the_catalog_is_refused_at_once_and_the_heap_does_not_move() throws Exception {
        ApiClient api = new ApiClient(port);
        String viewer = ApiClient.bearer(api.tokenFor(TestUsers.create(accounts, "big-sender", Role.VIEWER), TestUsers.PASSWORD));
        long before = usedHeap();

        AtomicLong declared = new AtomicLong();
        assertThat(send(viewer, "PUT", "/api/v1/upgrades/catalog", TWO_HUNDRED_MB, true, declared)).contains(" 413 ");
        AtomicLong chunked = new AtomicLong();
        assertThat(send(viewer, "PUT", "/api/v1/upgrades/catalog", TWO_HUNDRED_MB, false, chunked)).contains(" 403 ");

        assertThat(declared.get()).isLessThan(TWO_HUNDRED_MB / 4);
        assertThat(chunked.get()).isLessThan(TWO_HUNDRED_MB / 4);
        assertThat(usedHeap() - before).isLessThan(50L << 20);
    }

    @Test
    void an_admin_sending_a_catalog_over_5_mb_or_json_over_1_mb_gets_413_with_or_without_a_declared_length() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = ApiClient.bearer(api.tokenFor(TestUsers.create(accounts, "catalog-admin", Role.ADMIN), TestUsers.PASSWORD));

        assertThat(send(admin, "PUT", "/api/v1/upgrades/catalog", 6L << 20, true, new AtomicLong())).contains(" 413 ");
        assertThat(send(admin, "PUT", "/api/v1/upgrades/catalog", 6L << 20, false, new AtomicLong())).contains(" 413 ");
        assertThat(send(admin, "PUT", "/api/v1/stack/settings", 2L << 20, false, new AtomicLong())).contains(" 413 ");
    }
}
