package io.stackkeeper.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GET requests to the backend's and frontend's HTTP endpoints, each bounded by the stack timeout. */
final class StackHttp {

    private StackHttp() {
    }

    /** GET {@code base + path}, with a User-Agent when not null; an unreachable URL is a {@link StackException}. */
    static HttpResponse<String> get(String base, String path, String userAgent, Duration timeout) {
        if (base == null || base.isBlank()) {
            throw new StackException("No URL is set.");
        }
        String url = base.strip().replaceAll("/+$", "") + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        try {
            return HttpClient.newBuilder().connectTimeout(timeout).build().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException(url + " is not reachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while calling " + url + ".");
        }
    }
}
