package io.stackkeeper.monitoring;

import io.stackkeeper.security.Roles;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitoring feature's public face and its security gate: probes ({@link ProbeBook}, the ones made from the
 * stack settings by {@link ManagedProbes}), their runs ({@link ProbeRounds}, {@link ProbeRunner}), results
 * ({@link ProbeResults}) and views ({@link ProbeViews}). Everybody signed in reads; the ops team changes probes.
 */
@Service
public class MonitoringService {

    private final ProbeBook book;
    private final ProbeViews views;
    private final ProbeRounds rounds;
    private final ProbeResults results;
    private final AlertViews alerts;
    private final Maintenance maintenance;
    private final Notifiers notifiers;

    MonitoringService(ProbeBook book, ProbeViews views, ProbeRounds rounds, ProbeResults results, AlertViews alerts, Maintenance maintenance,
            Notifiers notifiers) {
        this.book = book;
        this.views = views;
        this.rounds = rounds;
        this.results = results;
        this.alerts = alerts;
        this.maintenance = maintenance;
        this.notifiers = notifiers;
    }

    /** Every probe with its latest state, by component and name. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<ProbeView> probes() {
        return views.all();
    }

    /** One probe with its latest state. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public ProbeView probe(long id) {
        return views.view(book.get(id));
    }

    /** Adds a probe; refused with a field error per bad setting. Audited. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional
    public ProbeView createProbe(ProbeSettings settings) {
        return views.view(book.create(settings, false));
    }

    /** Changes a probe; its next run follows the new settings. Audited. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional
    public ProbeView changeProbe(long id, ProbeSettings settings) {
        Probe probe = book.change(id, settings);
        rounds.reset(id);
        return views.view(probe);
    }

    /** Pauses a probe (it stops running, its results stay) or resumes it. Audited. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional
    public ProbeView pauseProbe(long id, boolean paused) {
        ProbeSettings s = book.get(id).settings();
        return changeProbe(id, new ProbeSettings(s.name(), s.component(), s.kind(), s.target(), s.options(), s.intervalSeconds(),
                s.failingIntervalSeconds(), s.timeoutMillis(), s.warning(), s.critical(), s.alertAfter(), s.recoverAfter(), paused));
    }

    /** Deletes a probe and its results. Audited. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional
    public void deleteProbe(long id) {
        book.delete(id);
        rounds.forget(id);
        results.forget(id);
    }

    /** Runs a probe now, outside its schedule, and answers what it found (recorded like any run). */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public ProbeOutcome checkNow(long id) {
        return rounds.runNow(book.get(id).definition());
    }

    /** A probe's results from {@code from} to {@code to}: raw up to 6 hours, one-minute sums up to 14 days, hours beyond. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<ResultPoint> results(long id, Instant from, Instant to) {
        book.get(id);
        if (from == null || to == null || !to.isAfter(from)) {
            throw new IllegalArgumentException("Give a time range whose end is after its start.");
        }
        return views.results(id, from, to);
    }

    /** The share of good runs over 24 hours, 7, 30 and 365 days. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public Uptime uptime(long id) {
        book.get(id);
        return views.uptime(id);
    }

    /** The probe's last runs since the portal started, oldest first (at most 50). */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    public List<ProbeOutcome> recentRuns(long id) {
        return results.recent(id);
    }

    /** Every probe's uptime over the last 24 hours, by probe id (probes without runs are left out). */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public java.util.Map<Long, Double> dayUptimes() {
        return views.dayUptimes();
    }

    /** A probe's latest state in the Nagios plugin format, for Nagios, Icinga, Shinken or Zabbix. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public NagiosCheck nagios(long id) {
        return views.nagios(book.get(id));
    }

    /** The same for a probe named so. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public NagiosCheck nagios(String name) {
        return views.nagios(book.byName(name));
    }

    // ---- Alerts, maintenance windows, notifiers ----------------------------------------------------------------

    /** The open alerts, newest first; with {@code recent}, also those closed in the last 7 days. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<AlertView> alerts(boolean recent) {
        return alerts.list(recent);
    }

    /** A probe's alerts, newest first (at most 50). */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<AlertView> alertsOf(long probe) {
        return alerts.ofProbe(probe);
    }

    /** The maintenance windows that run now or come, and those of the last day. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<MaintenanceView> maintenanceWindows() {
        return maintenance.current();
    }

    /** The maintenance windows of a component that overlap a chart's range (at most 200). */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<MaintenanceView> maintenanceWindows(ProbeComponent component, Instant from, Instant to) {
        return maintenance.overlapping(component, from, to);
    }

    /** Sets a maintenance window by hand: its components' probes still run and record, their alerts notify nobody. Audited. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional
    public MaintenanceView setMaintenance(java.util.Set<ProbeComponent> components, Instant startsAt, Instant endsAt, String reason) {
        return maintenance.create(components, startsAt, endsAt, reason);
    }

    /** Ends a maintenance window now. Audited. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional
    public void endMaintenance(long id) {
        maintenance.end(id);
    }

    /** The notifiers with their last delivery problem; their addresses and URLs are for the ops team only. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional(readOnly = true)
    public List<NotifierView> notifiers() {
        return notifiers.all();
    }

    /** Adds a notifier ({@code id} null) or changes one. Audited. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public NotifierView saveNotifier(Long id, NotifierSettings settings) {
        return notifiers.save(id, settings);
    }

    /** Deletes a notifier and what waits for it. Audited. */
    @PreAuthorize(Roles.IS_ADMIN)
    @Transactional
    public void deleteNotifier(long id) {
        notifiers.delete(id);
    }

    /** Sends a test message through a notifier now; answers what went wrong, or null when it went. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional(readOnly = true)
    public String testNotifier(long id) {
        return notifiers.test(id);
    }

    /** The notifications an alert sent or still tries to send, oldest first. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional(readOnly = true)
    public List<NotificationView> notificationsOf(long alertId) {
        return notifiers.ofAlert(alertId);
    }

    /** The last 100 notifications: sent, or waiting for their next attempt with the last error. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @Transactional(readOnly = true)
    public List<NotificationView> notifications() {
        return notifiers.recent();
    }
}
