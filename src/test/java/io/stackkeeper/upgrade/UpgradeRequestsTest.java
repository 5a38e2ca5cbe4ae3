package io.stackkeeper.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

/** Requests, acknowledgements and four-eyes decisions on the sample stack (89.0.0), by the service and the API. */
@PortalTest
class UpgradeRequestsTest {

    private static final String FLAVOR = "bc-90.0.0-x-json-flavor";
    @RegisterExtension
    static final SampleStack sample = SampleStack.forTheClass("89.0.0", "89.0.0");

    @Autowired
    UpgradeService upgrades;

    @Autowired
    StackService stack;

    @Autowired
    AccountService accounts;

    @Autowired
    io.stackkeeper.audit.AuditLog audit;

    @LocalServerPort
    int port;

    @BeforeEach
    void configure() {
        TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
    }

    @Test
    void a_viewer_cannot_request_and_an_operator_must_acknowledge_every_breaking_change_crossed() {
        assertThatThrownBy(() -> TestUsers.as("manager", List.of(Role.VIEWER),
                () -> upgrades.requestUpgrade("90.0.0", "90.0.0", "new header", null, null, List.of(FLAVOR)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as("ops", List.of(Role.OPERATOR),
                () -> upgrades.requestUpgrade("90.0.0", "90.0.0", "new header", null, null, List.of()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(FLAVOR);

        UpgradeRequestRecord requested = TestUsers.as("ops", List.of(Role.OPERATOR),
                () -> upgrades.requestUpgrade("90.0.0", "90.0.0", "new header", null, null, List.of(FLAVOR)));

        assertThat(requested.status()).isEqualTo(RequestStatus.REQUESTED);
        assertThat(requested.from()).isEqualTo("89.0.0 / 89.0.0");
        assertThat(requested.acknowledgements()).singleElement().satisfies(ack -> {
            assertThat(ack.changeId()).isEqualTo(FLAVOR);
            assertThat(ack.acknowledgedBy()).isEqualTo("ops");
            assertThat(ack.acknowledgedAt()).isNotNull();
        });
    }

    @Test
    void the_requester_cannot_approve_their_own_request_but_another_admin_can_and_the_approval_lasts_a_day() {
        UpgradeRequestRecord requested = TestUsers.as("alice", List.of(Role.ADMIN),
                () -> upgrades.requestUpgrade("90.0.0", "90.0.0", "new header", null, null, List.of(FLAVOR)));
        assertThat(TestUsers.asAdmin(() -> upgrades.whyNotStartable(requested.id()))).hasValueSatisfying(why -> assertThat(why)
                .contains("only an approved request can start"));

        assertThatThrownBy(() -> TestUsers.as("alice", List.of(Role.ADMIN), () -> upgrades.approve(requested.id(), "fine by me")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as("ops", List.of(Role.OPERATOR), () -> upgrades.approve(requested.id(), "fine")))
                .isInstanceOf(AccessDeniedException.class);
        UpgradeRequestRecord approved = TestUsers.as("bob", List.of(Role.ADMIN), () -> upgrades.approve(requested.id(), "go"));

        assertThat(approved.status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("bob");
        assertThat(Duration.between(approved.decidedAt(), approved.approvalExpiresAt())).isEqualTo(Duration.ofHours(24));
        assertThat(TestUsers.asAdmin(() -> upgrades.whyNotStartable(requested.id()))).isEmpty();
    }

    @Test
    void an_admin_cannot_approve_their_own_upgrade_with_a_second_admin_account_they_created_and_a_withdrawn_request_never_starts() {
        String requester = TestUsers.create(accounts, "mallory", Role.ADMIN, Role.OPERATOR);
        String independent = TestUsers.create(accounts, "trent", Role.ADMIN);
        String second = TestUsers.as(requester, List.of(Role.ADMIN), () -> accounts.createUser(requester + "-2", TestUsers.PASSWORD,
                java.util.Set.of(Role.ADMIN))).username();
        String promoted = TestUsers.create(accounts, "promoted", Role.VIEWER);
        TestUsers.as(requester, List.of(Role.ADMIN), () -> accounts.setRoles(promoted, java.util.Set.of(Role.ADMIN, Role.VIEWER)));
        UpgradeRequestRecord requested = TestUsers.as(requester, List.of(Role.ADMIN, Role.OPERATOR),
                () -> upgrades.requestUpgrade("90.0.0", "90.0.0", "new header", null, null, List.of(FLAVOR)));
        String latecomer = TestUsers.create(accounts, "latecomer", Role.ADMIN);

        assertThatThrownBy(() -> TestUsers.as(second, List.of(Role.ADMIN), () -> upgrades.approve(requested.id(), "looks fine")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("created by " + requester);
        assertThatThrownBy(() -> TestUsers.as(promoted, List.of(Role.ADMIN), () -> upgrades.approve(requested.id(), "ok")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("made the account an admin");
        assertThatThrownBy(() -> TestUsers.as(latecomer, List.of(Role.ADMIN), () -> upgrades.approve(requested.id(), "ok")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("created after the request");
        assertThat(TestUsers.asAdmin(() -> audit.search(new io.stackkeeper.audit.AuditQuery(null, "upgrade.approval-refused", null, null,
                null), 0, 50)).items()).anyMatch(entry -> entry.actor().equals(second) && entry.details().contains("created by"));

        UpgradeRequestRecord approved = TestUsers.as(independent, List.of(Role.ADMIN), () -> upgrades.approve(requested.id(), "go"));
        assertThat(approved.status()).isEqualTo(RequestStatus.APPROVED);
        assertThatThrownBy(() -> TestUsers.as("someone-else", List.of(Role.OPERATOR), () -> upgrades.withdraw(requested.id())))
                .isInstanceOf(AccessDeniedException.class);
        UpgradeRequestRecord withdrawn = TestUsers.as(requester, List.of(Role.OPERATOR), () -> upgrades.withdraw(requested.id()));
        assertThat(withdrawn.status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThatThrownBy(() -> TestUsers.as(requester, List.of(Role.OPERATOR), () -> upgrades.start(requested.id())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WITHDRAWN");
    }

    @Test
    void the_api_answers_400_for_missing_acknowledgements_403_for_the_requester_and_409_for_a_second_decision() {
        ApiClient api = new ApiClient(port);
        String requester = TestUsers.create(accounts, "carol", Role.ADMIN);
        String approver = TestUsers.create(accounts, "dave", Role.ADMIN);
        String requesterToken = api.tokenFor(requester, TestUsers.PASSWORD);
        String approverToken = api.tokenFor(approver, TestUsers.PASSWORD);

        ApiClient.Response missing = api.send("POST", "/api/v1/upgrades", ApiClient.bearer(requesterToken),
                "{\"backend\":\"90.0.0\",\"frontend\":\"90.0.0\",\"reason\":\"header\",\"acknowledgements\":[]}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("detail").asText()).contains(FLAVOR);

        ApiClient.Response created = api.send("POST", "/api/v1/upgrades", ApiClient.bearer(requesterToken),
                "{\"backend\":\"90.0.0\",\"frontend\":\"90.0.0\",\"reason\":\"header\",\"acknowledgements\":[\"" + FLAVOR + "\"]}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();

        assertThat(api.send("POST", "/api/v1/upgrades/" + id + "/approve", ApiClient.bearer(requesterToken), "{}").status()).isEqualTo(403);
        ApiClient.Response approved = api.send("POST", "/api/v1/upgrades/" + id + "/approve", ApiClient.bearer(approverToken),
                "{\"reason\":\"window agreed\"}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().get("status").asText()).isEqualTo("APPROVED");
        ApiClient.Response again = api.send("POST", "/api/v1/upgrades/" + id + "/reject", ApiClient.bearer(approverToken), "{\"reason\":\"no\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.send("GET", "/api/v1/upgrades/" + id, ApiClient.bearer(requesterToken), null).body().get("decidedBy").asText())
                .isEqualTo(approver);
    }
}
