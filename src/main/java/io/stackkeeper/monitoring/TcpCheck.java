package io.stackkeeper.monitoring;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.springframework.stereotype.Component;

/** A TCP connection to {@code host:port}, opened and closed within the probe's timeout. */
@Component
class TcpCheck {

    Finding check(ProbeDefinition probe) throws IOException {
        String target = probe.settings().target();
        int colon = target.lastIndexOf(':');
        String host = target.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(target.substring(colon + 1));
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), probe.settings().timeoutMillis());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return Finding.measured("port " + port + " of " + host + " open in " + Math.round(seconds * 1000) + " ms",
                new Measure("time", seconds, "s"));
    }
}
