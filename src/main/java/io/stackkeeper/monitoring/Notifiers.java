package io.stackkeeper.monitoring;

import io.stackkeeper.base.FieldsRefusedException;
import io.stackkeeper.base.RequestOrigin;
import io.stackkeeper.base.TextLimits;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The notifiers: validated, stored and audited (their addresses and URLs are not secrets, but are only an admin's). */
@Component
record Notifiers(NotifierRepository notifiers, NotificationRepository outbox, Notifications notifications, ApplicationEventPublisher events,
        Clock clock) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}");

    List<NotifierView> all() {
        return notifiers.findAllByOrderByNameAsc().stream().map(this::view).toList();
    }

    NotifierView save(Long id, NotifierSettings settings) {
        require(settings);
        Notifier notifier = id == null ? new Notifier() : get(id);
        notifiers.findByName(settings.name().strip()).filter(other -> !other.id.equals(notifier.id)).ifPresent(other -> {
            throw new FieldsRefusedException("The notifier is not saved", Map.of("name", "Another notifier is named '" + other.name + "'."));
        });
        notifier.apply(settings);
        notifier.updatedBy = RequestOrigin.actor();
        notifier.updatedAt = clock.instant();
        notifiers.save(notifier);
        events.publishEvent(new MonitoringEvents.NotifierSaved(notifier.name, notifier.kind.name(), id == null));
        return view(notifier);
    }

    void delete(long id) {
        Notifier notifier = get(id);
        notifiers.delete(notifier);
        events.publishEvent(new MonitoringEvents.NotifierDeleted(notifier.name));
    }

    String test(long id) {
        return notifications.sendTest(get(id));
    }

    List<NotificationView> recent() {
        return outbox.findTop100ByOrderByCreatedAtDesc().stream().map(Notification::view).toList();
    }

    List<NotificationView> ofAlert(long alertId) {
        return outbox.findByAlertIdOrderByCreatedAtAsc(alertId).stream().limit(100).map(Notification::view).toList();
    }

    private Notifier get(long id) {
        return notifiers.findById(id).orElseThrow(() -> new NoSuchElementException("There is no notifier " + id + "."));
    }

    private NotifierView view(Notifier n) {
        Notification failed = outbox.findFirstByNotifierIdAndLastErrorIsNotNullOrderByCreatedAtDesc(n.id);
        return new NotifierView(n.id, n.settings(), n.updatedAt, n.updatedBy, failed == null || failed.deliveredAt != null ? null : failed.lastError);
    }

    private static void require(NotifierSettings s) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (s.name() == null || s.name().isBlank()) {
            problems.put("name", "Give the notifier a name.");
        }
        TextLimits.check(problems, "name", s.name(), 100);
        TextLimits.check(problems, "target", s.target(), 1000);
        if (s.kind() == null) {
            problems.put("kind", "Choose EMAIL, WEBHOOK or SLACK.");
        } else if (s.kind() == NotifierKind.EMAIL) {
            if (s.target() == null || !EMAIL.matcher(s.target().strip()).matches()) {
                problems.put("target", "An email address, e.g. ops@example.com.");
            }
        } else {
            try {
                URI uri = URI.create(s.target() == null ? "" : s.target().strip());
                if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                    problems.put("target", "The webhook's http:// or https:// URL.");
                }
            } catch (IllegalArgumentException e) {
                problems.put("target", "Not a URL: " + e.getMessage());
            }
        }
        if (s.minState() != ProbeState.WARNING && s.minState() != ProbeState.CRITICAL) {
            problems.put("minState", "WARNING or CRITICAL.");
        }
        if (!problems.isEmpty()) {
            throw new FieldsRefusedException("The notifier is not saved", problems);
        }
    }
}
