package io.stackkeeper.monitoring;

import io.stackkeeper.base.TimedText;
import io.stackkeeper.stack.StackService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * An HTTP request with the probe's method and headers: the expected status, the body's first megabyte containing or
 * matching a text, the latency, and for https the days the server's certificate has left.
 */
@Component
class HttpCheck {

    private static final int BODY_LIMIT = 1 << 20;
    private static final int STALE_RETRIES = 3;
    private static final Duration REGEX_LIMIT = Duration.ofSeconds(1);

    private final StackService stack;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    HttpCheck(StackService stack, Clock clock) {
        this.stack = stack;
        this.clock = clock;
    }

    Finding check(ProbeDefinition probe) throws IOException, InterruptedException {
        ProbeSettings s = probe.settings();
        ProbeOptions o = s.options();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(s.target())).timeout(Duration.ofMillis(s.timeoutMillis()))
                .method(o.method() == null ? "GET" : o.method(), HttpRequest.BodyPublishers.noBody());
        o.headers().forEach(request::header);
        if (o.useStatusUserAgent()) {
            request.header("User-Agent", stack.statusUserAgent()
                    .orElseThrow(() -> new CheckUnavailableException("No status-page User-Agent is set in the stack settings.")));
        }
        long start = System.nanoTime();
        long deadline = start + s.timeoutMillis() * 1_000_000L;
        BoundedExchange body = new BoundedExchange(BODY_LIMIT);
        HttpResponse<Void> response = null;
        for (int attempt = 1; response == null; attempt++) {
            try {
                response = body.send(client, request.build(), deadline, s.timeoutMillis());
            } catch (IOException e) {
                // kept-alive connections to a container that was recreated fail one by one; a real outage fails every time
                if (attempt == STALE_RETRIES || !(e.getCause() instanceof IOException)) {
                    throw e;
                }
                body = new BoundedExchange(BODY_LIMIT);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Measure> measures = new ArrayList<>();
        Measure time = new Measure("time", seconds, "s");
        Optional<Measure> days = certificateDays(response);
        if ("certificate-days".equals(o.metric())) {
            measures.add(days.orElseThrow(() -> new CheckUnavailableException("The server sent no certificate (not https).")));
            measures.add(time);
        } else {
            measures.add(time);
            days.ifPresent(measures::add);
        }
        Measure[] all = measures.toArray(Measure[]::new);
        int expected = o.expectedStatus() == null ? 200 : o.expectedStatus();
        if (response.statusCode() != expected) {
            return Finding.failed("HTTP " + response.statusCode() + ", expected " + expected + " (" + millis(seconds) + ")", all);
        }
        String text = body.text();
        if (o.bodyContains() != null && !o.bodyContains().isBlank() && !text.contains(o.bodyContains())) {
            return Finding.failed("HTTP " + response.statusCode() + " but the body lacks '" + o.bodyContains() + "'", all);
        }
        if (o.bodyMatches() != null && !o.bodyMatches().isBlank() && !matches(o.bodyMatches(), text)) {
            return Finding.failed("HTTP " + response.statusCode() + " but the body does not match /" + o.bodyMatches() + "/", all);
        }
        String certificate = days.map(d -> ", certificate valid " + (long) d.value() + " more days").orElse("");
        return Finding.measured("HTTP " + response.statusCode() + " in " + millis(seconds) + certificate, all);
    }

    private Optional<Measure> certificateDays(HttpResponse<?> response) {
        return response.sslSession().flatMap(session -> {
            try {
                Certificate[] chain = session.getPeerCertificates();
                if (chain.length > 0 && chain[0] instanceof X509Certificate x509) {
                    double left = Duration.between(clock.instant(), x509.getNotAfter().toInstant()).toHours() / 24.0;
                    return Optional.of(new Measure("certificate days", Math.floor(left * 10) / 10, ""));
                }
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                return Optional.empty();
            }
            return Optional.empty();
        });
    }

    /** Whether the body matches; a pattern that backtracks for more than a second is a failure, not a stuck worker. */
    private static boolean matches(String regex, String text) {
        long deadline = System.nanoTime() + REGEX_LIMIT.toNanos();
        CharSequence guarded = new TimedText(text, deadline,
                () -> new IllegalStateException("the body pattern took longer than " + REGEX_LIMIT.toMillis() + " ms: simplify it"));
        return Pattern.compile(regex).matcher(guarded).find();
    }

    private static String millis(double seconds) {
        return Math.round(seconds * 1000) + " ms";
    }
}
