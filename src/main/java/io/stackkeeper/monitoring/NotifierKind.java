package io.stackkeeper.monitoring;

/** How a notifier sends: an email over SMTP, a generic JSON webhook, or a Slack-compatible webhook. */
public enum NotifierKind {
    EMAIL, WEBHOOK, SLACK
}
