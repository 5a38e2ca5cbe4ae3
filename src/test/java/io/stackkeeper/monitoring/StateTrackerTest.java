package io.stackkeeper.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackkeeper.monitoring.StateTracker.Change;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateTrackerTest {

    private static final StateTracker.Rules TWO_THEN_ONE = new StateTracker.Rules(2, 1, 20, 30);

    @Test
    void an_alert_opens_only_after_the_configured_failures_in_a_row_and_one_success_recovers_it() {
        List<List<Change>> changes = run(TWO_THEN_ONE, ProbeState.CRITICAL, ProbeState.OK, ProbeState.CRITICAL, ProbeState.CRITICAL,
                ProbeState.CRITICAL, ProbeState.OK);
        assertThat(changes).containsExactly(List.of(), List.of(), List.of(), List.of(Change.ALERT_OPENED), List.of(),
                List.of(Change.RECOVERED));
    }

    @Test
    void a_failing_probe_that_gets_worse_changes_its_alert_and_recovery_may_need_several_successes() {
        StateTracker.Rules rules = new StateTracker.Rules(1, 2, 20, 30);
        assertThat(run(rules, ProbeState.WARNING, ProbeState.CRITICAL, ProbeState.OK, ProbeState.OK))
                .containsExactly(List.of(Change.ALERT_OPENED), List.of(Change.ALERT_CHANGED), List.of(), List.of(Change.RECOVERED));
    }

    @Test
    void a_probe_changing_state_every_run_is_flapping_once_and_stops_when_it_settles() {
        StateTracker tracker = StateTracker.fresh();
        List<Change> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            StateTracker.Step step = tracker.next(i % 2 == 0 ? ProbeState.CRITICAL : ProbeState.OK, new StateTracker.Rules(1, 1, 20, 30));
            tracker = step.tracker();
            all.addAll(step.changes());
        }
        assertThat(tracker.flapping()).isTrue();
        assertThat(all).containsOnlyOnce(Change.FLAPPING_STARTED);
        for (int i = 0; i < 21; i++) {
            StateTracker.Step step = tracker.next(ProbeState.OK, TWO_THEN_ONE);
            tracker = step.tracker();
            all.addAll(step.changes());
        }
        assertThat(tracker.flapping()).isFalse();
        assertThat(all).containsOnlyOnce(Change.FLAPPING_STOPPED);
    }

    @Test
    void newer_state_changes_weigh_more_than_older_ones() {
        assertThat(StateTracker.changePercent("OOOOOOOOOOOOOOOOOOOOO")).isZero();
        assertThat(StateTracker.changePercent("OCOCOCOCOCOCOCOCOCOCO")).isEqualTo(100.0, org.assertj.core.data.Offset.offset(0.001));
        double early = StateTracker.changePercent("OCCCCCCCCCCCCCCCCCCCC");
        double late = StateTracker.changePercent("OOOOOOOOOOOOOOOOOOOOC");
        assertThat(early).isEqualTo(4.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(late).isEqualTo(6.0, org.assertj.core.data.Offset.offset(0.001));
    }

    private static List<List<Change>> run(StateTracker.Rules rules, ProbeState... states) {
        StateTracker tracker = StateTracker.fresh();
        List<List<Change>> changes = new ArrayList<>();
        for (ProbeState state : states) {
            StateTracker.Step step = tracker.next(state, rules);
            tracker = step.tracker();
            changes.add(step.changes());
        }
        return changes;
    }
}
