package io.stackkeeper.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestQueryTest {

    private static final Instant DAY = Instant.parse("2026-11-20T10:00:00Z");

    private static UpgradeRequestRecord request(RequestStatus status, String requester, String approver, String starter) {
        return new UpgradeRequestRecord(1, "89.0.0", "89.0.0", "90.0.0", "90.0.0", "r", null, null, status, requester, DAY, approver,
                null, null, null, List.of(), starter, null, null, List.of(), null, null, null, List.of());
    }

    @Test
    void an_empty_query_matches_every_request() {
        assertThat(RequestQuery.ALL.matches(request(RequestStatus.REJECTED, "ops", "boss", null))).isTrue();
    }

    @Test
    void a_person_matches_the_requester_the_approver_or_the_starter_ignoring_case() {
        UpgradeRequestRecord r = request(RequestStatus.SUCCEEDED, "ops", "boss", "night-shift");
        assertThat(new RequestQuery(null, "OPS", null, null).matches(r)).isTrue();
        assertThat(new RequestQuery(null, "boss", null, null).matches(r)).isTrue();
        assertThat(new RequestQuery(null, " night-shift ", null, null).matches(r)).isTrue();
        assertThat(new RequestQuery(null, "someone", null, null).matches(r)).isFalse();
    }

    @Test
    void status_and_the_time_range_filter_on_when_the_request_was_made() {
        UpgradeRequestRecord r = request(RequestStatus.FAILED_ROLLED_BACK, "ops", null, null);
        assertThat(new RequestQuery(RequestStatus.FAILED_ROLLED_BACK, null, DAY, DAY.plusSeconds(1)).matches(r)).isTrue();
        assertThat(new RequestQuery(RequestStatus.SUCCEEDED, null, null, null).matches(r)).isFalse();
        assertThat(new RequestQuery(null, null, DAY.plusSeconds(1), null).matches(r)).isFalse();
        assertThat(new RequestQuery(null, null, null, DAY).matches(r)).isFalse();
    }
}
