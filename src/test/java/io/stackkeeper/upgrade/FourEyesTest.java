package io.stackkeeper.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
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
        request.approvalExpiresAt = NOW.plus(Duration.ofHours(24));
        return request;
    }

    @Test
    void the_requester_cannot_decide_their_own_request() {
        assertThatThrownBy(() -> FourEyes.checkDecision(request(RequestStatus.REQUESTED), "ops"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Another admin");
        FourEyes.checkDecision(request(RequestStatus.REQUESTED), "boss");
    }

    @Test
    void a_request_already_decided_cannot_be_decided_again() {
        assertThatThrownBy(() -> FourEyes.checkDecision(request(RequestStatus.APPROVED), "boss")).isInstanceOf(IllegalStateException.class)
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
