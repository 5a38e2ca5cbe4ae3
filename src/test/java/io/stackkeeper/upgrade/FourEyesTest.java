package io.stackkeeper.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import io.stackkeeper.security.AccountOrigin;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class FourEyesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static UpgradeRequest request(RequestStatus status) {
        UpgradeRequest request = new UpgradeRequest();
        request.id = 7L;
        request.requestedBy = "ops";
        request.status = status;
        request.planFingerprint = "plan-a";
        request.requestedAt = NOW;
        request.approvalExpiresAt = NOW.plus(Duration.ofHours(24));
        return request;
    }

    @Test
    void the_requester_cannot_decide_their_own_request() {
        assertThatThrownBy(() -> FourEyes.checkDecision(request(RequestStatus.REQUESTED), "ops", Optional.of(boss("ops", null, null))))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Another admin");
        FourEyes.checkDecision(request(RequestStatus.REQUESTED), "boss", Optional.of(boss("boss", null, null)));
    }

    private static AccountOrigin boss(String name, String createdBy, String adminGrantedBy) {
        return new AccountOrigin(name, NOW.minus(Duration.ofDays(30)), createdBy, adminGrantedBy, null);
    }

    @Test
    void an_admin_the_requester_created_made_admin_or_that_appeared_after_the_request_cannot_decide() {
        UpgradeRequest request = request(RequestStatus.REQUESTED);
        request.requestedAt = NOW;
        assertThat(FourEyes.whyNotADecider(request, "second", Optional.of(boss("second", "ops", "ops")))).hasValueSatisfying(
                why -> assertThat(why).contains("created by ops"));
        assertThat(FourEyes.whyNotADecider(request, "promoted", Optional.of(boss("promoted", "admin", "ops")))).hasValueSatisfying(
                why -> assertThat(why).contains("made the account an admin"));
        assertThat(FourEyes.whyNotADecider(request, "newcomer", Optional.of(new AccountOrigin("newcomer", NOW.plusSeconds(1), "admin",
                "admin", NOW.plusSeconds(1))))).hasValueSatisfying(why -> assertThat(why).contains("created after the request"));
        assertThat(FourEyes.whyNotADecider(request, "system", Optional.empty())).isPresent();
        assertThat(FourEyes.whyNotADecider(request, "boss", Optional.of(boss("boss", "admin", "admin")))).isEmpty();
    }

    @Test
    void a_request_already_decided_cannot_be_decided_again() {
        assertThatThrownBy(() -> FourEyes.checkDecision(request(RequestStatus.APPROVED), "boss", Optional.of(boss("boss", null, null))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("APPROVED");
    }

    @Test
    void an_approved_request_with_the_same_plan_within_its_validity_can_start() {
        assertThat(FourEyes.whyNotStartable(request(RequestStatus.APPROVED), NOW, "plan-a")).isEmpty();
    }

    @Test
    void an_approval_expires() {
        assertThat(FourEyes.whyNotStartable(request(RequestStatus.APPROVED), NOW.plus(Duration.ofHours(24)), "plan-a"))
                .hasValueSatisfying(why -> assertThat(why).contains("expired"));
    }

    @Test
    void an_approval_is_void_when_the_plan_changed() {
        assertThat(FourEyes.whyNotStartable(request(RequestStatus.APPROVED), NOW, "plan-b"))
                .hasValueSatisfying(why -> assertThat(why).contains("approval is void"));
    }

    @Test
    void a_request_without_approval_or_outside_its_window_cannot_start() {
        assertThat(FourEyes.whyNotStartable(request(RequestStatus.REQUESTED), NOW, "plan-a"))
                .hasValueSatisfying(why -> assertThat(why).contains("only an approved request"));
        UpgradeRequest windowed = request(RequestStatus.APPROVED);
        windowed.windowStart = NOW.plus(Duration.ofHours(2));
        windowed.windowEnd = NOW.plus(Duration.ofHours(4));
        assertThat(FourEyes.whyNotStartable(windowed, NOW, "plan-a")).hasValueSatisfying(why -> assertThat(why).contains("window"));
    }
}
