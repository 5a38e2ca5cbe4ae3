package io.stackkeeper.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * The alerting memory of one probe: how many failures or successes in a row, the state alerts know (it changes only
 * after "alert after N failures" or "recover after M successes"), and the last 21 states, from which flapping is
 * detected the way Nagios does it: the weighted percent of state changes (newer changes weigh more, 0.8 to 1.2)
 * starts flapping above the high threshold and ends it below the low one.
 */
record StateTracker(ProbeState confirmed, int failures, int successes, String history, boolean flapping) {

    static final int FLAP_WINDOW = 21;

    /** What a probe's rules say about failures and flapping. */
    record Rules(int alertAfter, int recoverAfter, double flapLowPercent, double flapHighPercent) {
    }

    /** A change alerting reacts to. */
    enum Change { ALERT_OPENED, ALERT_CHANGED, RECOVERED, FLAPPING_STARTED, FLAPPING_STOPPED }

    /** The tracker after one more result, and what changed. */
    record Step(StateTracker tracker, List<Change> changes) {
    }

    static StateTracker fresh() {
        return new StateTracker(ProbeState.OK, 0, 0, "", false);
    }

    Step next(ProbeState observed, Rules rules) {
        List<Change> changes = new ArrayList<>();
        int failed = observed.failing() ? failures + 1 : 0;
        int succeeded = observed.failing() ? 0 : successes + 1;
        ProbeState known = confirmed;
        if (observed.failing() && failed >= rules.alertAfter()) {
            if (!known.failing()) {
                changes.add(Change.ALERT_OPENED);
            } else if (known != observed) {
                changes.add(Change.ALERT_CHANGED);
            }
            known = observed;
        } else if (!observed.failing() && known.failing() && succeeded >= rules.recoverAfter()) {
            changes.add(Change.RECOVERED);
            known = ProbeState.OK;
        }
        String states = (history + code(observed));
        states = states.substring(Math.max(0, states.length() - FLAP_WINDOW));
        double percent = changePercent(states);
        boolean flaps = flapping ? percent >= rules.flapLowPercent() : percent > rules.flapHighPercent();
        if (flaps && !flapping) {
            changes.add(Change.FLAPPING_STARTED);
        } else if (!flaps && flapping) {
            changes.add(Change.FLAPPING_STOPPED);
        }
        return new Step(new StateTracker(known, failed, succeeded, states, flaps), List.copyOf(changes));
    }

    /**
     * The weighted percent of state changes among the last 21 results, oldest first (Nagios' flap detection); a shorter
     * history counts as if the first state had held before it, as Nagios fills its history with the initial state.
     */
    static double changePercent(String history) {
        if (history.isEmpty()) {
            return 0;
        }
        String states = String.valueOf(history.charAt(0)).repeat(FLAP_WINDOW - history.length()) + history;
        int transitions = states.length() - 1;
        double weighted = 0;
        for (int i = 1; i < states.length(); i++) {
            if (states.charAt(i) != states.charAt(i - 1)) {
                weighted += 0.8 + 0.4 * (i - 1) / Math.max(1, transitions - 1);
            }
        }
        return weighted * 100 / transitions;
    }

    private static char code(ProbeState state) {
        return state.name().charAt(0);
    }
}
