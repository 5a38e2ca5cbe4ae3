package io.stackkeeper.monitoring.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.stackkeeper.base.ui.FormDialog;
import io.stackkeeper.monitoring.MonitoringService;
import io.stackkeeper.monitoring.ProbeComponent;
import io.stackkeeper.monitoring.ProbeKind;
import io.stackkeeper.monitoring.ProbeOptions;
import io.stackkeeper.monitoring.ProbeSettings;
import io.stackkeeper.monitoring.ProbeView;
import java.util.LinkedHashMap;
import java.util.Map;

/** Adds a probe or changes one: what it watches, how often, its Nagios thresholds and its alert rules. */
final class ProbeDialog {

    private ProbeDialog() {
    }

    static FormDialog open(MonitoringService monitoring, ProbeView existing, Runnable saved) {
        ProbeSettings s = existing == null ? ProbeSettings.usual("", ProbeComponent.BACKEND, ProbeKind.HTTP, "", ProbeOptions.NONE, null, null)
                : existing.settings();
        TextField name = text("Name", s.name(), "probe-name");
        Select<ProbeComponent> component = new Select<>();
        component.setLabel("Component");
        component.setItems(ProbeComponent.values());
        component.setItemLabelGenerator(ProbeComponent::label);
        component.setValue(s.component());
        Select<ProbeKind> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setItems(ProbeKind.values());
        kind.setValue(s.kind());
        kind.setId("probe-kind");
        TextField target = text("Target", s.target(), "probe-target");
        kind.addValueChangeListener(e -> target.setHelperText(e.getValue() == null ? "" : e.getValue().target()));
        target.setHelperText(s.kind().target());
        TextField metric = text("Host metric or judged value", s.options().metric(), "probe-metric");
        metric.setHelperText("disk, inodes, load, cpu, memory, swap, diskio, raid, sensors; for HTTP: latency or certificate-days");
        TextField userAgent = text("User-Agent header", s.options().headers().get("User-Agent"), "probe-user-agent");
        Checkbox statusAgent = new Checkbox("Send the status-page User-Agent of the stack settings", s.options().useStatusUserAgent());
        TextField contains = text("Body must contain", s.options().bodyContains(), "probe-body-contains");
        IntegerField expected = number("Expected HTTP status", s.options().expectedStatus() == null ? 200 : s.options().expectedStatus());
        IntegerField interval = number("Every (s)", s.intervalSeconds());
        IntegerField failingInterval = number("While failing, every (s)", s.failingIntervalSeconds());
        IntegerField timeout = number("Timeout (ms)", s.timeoutMillis());
        TextField warning = text("Warning range", s.warning(), "probe-warning");
        warning.setHelperText("Nagios syntax: 10, 10:, ~:10, 10:20, @10:20");
        TextField critical = text("Critical range", s.critical(), "probe-critical");
        IntegerField alertAfter = number("Alert after failures", s.alertAfter());
        IntegerField recoverAfter = number("Recover after successes", s.recoverAfter());
        FormLayout form = new FormLayout(name, component, kind, target, metric, expected, userAgent, statusAgent, contains, interval,
                failingInterval, timeout, warning, critical, alertAfter, recoverAfter);
        form.setColspan(target, 2);
        return openDialog(existing == null ? "New probe" : "Change " + s.name(), form, () -> {
            Map<String, String> headers = new LinkedHashMap<>(s.options().headers());
            headers.remove("User-Agent");
            if (!userAgent.getValue().isBlank()) {
                headers.put("User-Agent", userAgent.getValue().strip());
            }
            ProbeSettings settings = new ProbeSettings(name.getValue(), component.getValue(), kind.getValue(), target.getValue(),
                    new ProbeOptions(s.options().method(), expected.getValue(), headers, blank(contains.getValue()), s.options().bodyMatches(),
                            statusAgent.getValue(), blank(metric.getValue())),
                    value(interval), value(failingInterval), value(timeout), warning.getValue(), critical.getValue(), value(alertAfter),
                    value(recoverAfter), s.paused());
            if (existing == null) {
                monitoring.createProbe(settings);
            } else {
                monitoring.changeProbe(existing.id(), settings);
            }
            saved.run();
        });
    }

    private static FormDialog openDialog(String title, FormLayout form, FormDialog.Action save) {
        FormDialog dialog = new FormDialog(title, "Save", save, form);
        dialog.setWidth("52rem");
        dialog.open();
        return dialog;
    }

    private static TextField text(String label, String value, String id) {
        TextField field = new TextField(label);
        field.setValue(value == null ? "" : value);
        field.setId(id);
        field.setWidthFull();
        return field;
    }

    private static IntegerField number(String label, int value) {
        IntegerField field = new IntegerField(label);
        field.setValue(value);
        return field;
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
