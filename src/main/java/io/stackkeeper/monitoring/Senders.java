package io.stackkeeper.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends one notification: an email through Spring's mail support (SMTP from {@code spring.mail.*}), or a webhook
 * POST of JSON, generic ({@code subject}, {@code text}, {@code kind}) or Slack-compatible ({@code text}). A failure
 * throws with the reason, for the retry to record.
 */
@Component
class Senders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectProvider<JavaMailSender> mail;
    private final MonitoringProperties properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Senders(ObjectProvider<JavaMailSender> mail, MonitoringProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    void send(Notifier notifier, String kind, String subject, String body) throws IOException, InterruptedException {
        switch (notifier.kind) {
            case EMAIL -> email(notifier.target, subject, body);
            case WEBHOOK -> post(notifier.target, Map.of("kind", kind, "subject", subject, "text", body));
            case SLACK -> post(notifier.target, Map.of("text", "*" + subject + "*\n" + body));
        }
    }

    private void email(String to, String subject, String body) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("No SMTP server is configured: set SPRING_MAIL_HOST (and _PORT, _USERNAME, _PASSWORD).");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        sender.send(message);
    }

    private void post(String url, Map<String, String> payload) throws IOException, InterruptedException {
        String json;
        try {
            json = JSON.writeValueAsString(new LinkedHashMap<>(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body().strip();
            throw new IOException("the webhook answered HTTP " + response.statusCode() + (answer.isEmpty() ? "" : ": "
                    + answer.substring(0, Math.min(200, answer.length()))));
        }
    }
}
