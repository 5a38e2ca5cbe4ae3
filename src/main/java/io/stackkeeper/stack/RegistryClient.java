package io.stackkeeper.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists image tags through the Registry HTTP API v2, anonymously, with HTTP Basic, or with the bearer-token
 * challenge that Quay.io and Docker Hub answer with.
 */
final class RegistryClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private final URI base;
    private final String basicCredentials;
    private final Duration timeout;
    private final HttpClient http;

    RegistryClient(String baseUrl, String username, String password, Duration timeout) {
        String url = baseUrl == null ? "" : baseUrl.strip();
        if (!url.matches("https?://[^/\\s]+/?")) {
            throw new StackException("The registry URL must look like https://quay.io or http://127.0.0.1:5151.");
        }
        this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.basicCredentials = username == null || username.isBlank() ? null
                : Base64.getEncoder().encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Checks that the registry answers the v2 API with these credentials; returns a short description. */
    String check() {
        HttpResponse<String> response = authorized(base.resolve("/v2/"), "registry:catalog:*");
        return "Registry API v2 at " + base + " answered " + response.statusCode()
                + (basicCredentials == null ? " (anonymous)" : " (authenticated)");
    }

    /** All tags of a repository such as {@code toucantoco/backend}, following pagination. */
    List<String> tags(String repository) {
        List<String> tags = new ArrayList<>();
        URI next = base.resolve("/v2/" + repository + "/tags/list?n=1000");
        while (next != null) {
            HttpResponse<String> response = authorized(next, "repository:" + repository + ":pull");
            if (response.statusCode() == 404) {
                throw new StackException("The registry at " + base + " has no repository '" + repository + "'.");
            }
            try {
                JsonNode body = JSON.readTree(response.body());
                body.path("tags").forEach(tag -> tags.add(tag.asText()));
            } catch (IOException e) {
                throw new StackException("The registry at " + base + " sent an unreadable tag list.", e);
            }
            next = response.headers().firstValue("Link").map(NEXT_LINK::matcher).filter(Matcher::find)
                    .map(m -> base.resolve(m.group(1))).orElse(null);
        }
        return tags;
    }

    private HttpResponse<String> authorized(URI uri, String scope) {
        HttpResponse<String> response = send(uri, basicCredentials == null ? null : "Basic " + basicCredentials);
        if (response.statusCode() == 401) {
            String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
            if (challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
                response = send(uri, "Bearer " + bearerToken(challenge, scope));
            }
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new StackException("The registry at " + base + " refused access (" + response.statusCode() + "): "
                    + (basicCredentials == null ? "it needs credentials." : "check the username and password."));
        }
        if (response.statusCode() >= 500) {
            throw new StackException("The registry at " + base + " failed with " + response.statusCode() + ".");
        }
        return response;
    }

    private String bearerToken(String challenge, String scope) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = CHALLENGE_PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null) {
            throw new StackException("The registry at " + base + " asked for a token without saying where to get it.");
        }
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
        if (params.containsKey("service")) {
            url.append("service=").append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8)).append('&');
        }
        url.append("scope=").append(URLEncoder.encode(params.getOrDefault("scope", scope), StandardCharsets.UTF_8));
        HttpResponse<String> response = send(URI.create(url.toString()), basicCredentials == null ? null : "Basic " + basicCredentials);
        if (response.statusCode() != 200) {
            throw new StackException("The registry's token service refused access (" + response.statusCode() + "): "
                    + (basicCredentials == null ? "it needs credentials." : "check the username and password."));
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            String token = body.hasNonNull("token") ? body.get("token").asText() : body.path("access_token").asText(null);
            if (token == null || token.isBlank()) {
                throw new StackException("The registry's token service answered without a token.");
            }
            return token;
        } catch (IOException e) {
            throw new StackException("The registry's token service sent an unreadable answer.", e);
        }
    }

    private HttpResponse<String> send(URI uri, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET().header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new StackException("The registry at " + base + " did not answer within " + timeout.toSeconds() + " s.", e);
        } catch (ConnectException e) {
            throw new StackException("The registry at " + base + " is not reachable: connection refused.", e);
        } catch (IOException e) {
            throw new StackException("The registry at " + base + " is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while asking the registry at " + base + ".", e);
        }
    }
}
