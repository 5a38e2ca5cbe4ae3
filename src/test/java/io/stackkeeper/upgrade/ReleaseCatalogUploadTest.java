package io.stackkeeper.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.audit.AuditLog;
import io.stackkeeper.audit.AuditQuery;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

/**
 * An admin replaces the release catalog: malformed or older catalogs are refused and the one in use stays; a good one
 * is kept with its history, audited, and voids approvals given under the old one. The uploads here are the shipped
 * catalog under higher versions, so other tests in this JVM plan as before.
 */
@PortalTest
class ReleaseCatalogUploadTest {

    @Autowired
    UpgradeService upgrades;

    @Autowired
    StackService stack;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditLog audit;

    @LocalServerPort
    int port;

    @Test
    void a_malformed_catalog_is_refused_with_its_line_and_the_catalog_in_use_stays() {
        int before = TestUsers.asAdmin(() -> upgrades.catalog().revision());
        String broken = "{\n  \"catalogVersion\": 1,\n  \"revision\": 999,\n  \"releases\": [\n    {\"version\": \"not-a-version\", \"name\": \"x\", \"breakingChanges\": []}\n  ]\n}";

        assertThatThrownBy(() -> TestUsers.asAdmin(() -> upgrades.replaceCatalog(broken))).isInstanceOf(CatalogRefusedException.class)
                .hasMessageStartingWith("line 5");
        assertThatThrownBy(() -> TestUsers.asAdmin(() -> upgrades.replaceCatalog("{\"catalogVersion\": 1, \"releases\": [")))
                .isInstanceOf(CatalogRefusedException.class);
        assertThat(TestUsers.asAdmin(() -> upgrades.catalog().revision())).isEqualTo(before);
        assertThatThrownBy(() -> TestUsers.as("ops", List.of(Role.OPERATOR), () -> upgrades.replaceCatalog(CatalogTexts.shippedAsRevision(before + 1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.asAdmin(() -> upgrades.replaceCatalog(CatalogTexts.shippedAsRevision(before))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be above the one in use");
    }

    @Test
    void a_newer_catalog_replaces_the_one_in_use_keeps_the_history_and_voids_approvals_given_under_the_old_one() throws Exception {
        try (SampleStack sample = new SampleStack("89.0.0", "89.0.0")) {
            TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
            UpgradeRequestRecord requested = TestUsers.as("ops", List.of(Role.OPERATOR),
                    () -> upgrades.requestUpgrade("90.0.0", "90.0.0", "header", null, null, List.of("bc-90.0.0-x-json-flavor")));
            TestUsers.as("approver", List.of(Role.ADMIN), () -> upgrades.approve(requested.id(), "ok"));
            assertThat(TestUsers.asAdmin(() -> upgrades.whyNotStartable(requested.id()))).isEmpty();
            int next = TestUsers.asAdmin(() -> upgrades.catalog().revision()) + 1;

            ApiClient api = new ApiClient(port);
            String admin = TestUsers.create(accounts, "cataloguer", Role.ADMIN);
            String token = api.tokenFor(admin, TestUsers.PASSWORD);
            ApiClient.Response refused = api.send("PUT", "/api/v1/upgrades/catalog", ApiClient.bearer(token), "{\"catalogVersion\": 1, \"revision\": \"x\", \"releases\": []}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("detail").asText()).startsWith("line 1");
            ApiClient.Response replaced = api.send("PUT", "/api/v1/upgrades/catalog", ApiClient.bearer(token), CatalogTexts.shippedAsRevision(next));
            assertThat(replaced.status()).isEqualTo(200);
            assertThat(replaced.body().get("revision").asInt()).isEqualTo(next);
            assertThat(replaced.body().get("breakingChanges").asInt()).isEqualTo(8);

            List<CatalogVersion> history = TestUsers.asAdmin(() -> upgrades.catalogHistory());
            assertThat(history.get(0)).satisfies(newest -> {
                assertThat(newest.revision()).isEqualTo(next);
                assertThat(newest.inUse()).isTrue();
                assertThat(newest.uploadedBy()).isEqualTo(admin);
            });
            assertThat(history.get(history.size() - 1)).satisfies(shipped -> {
                assertThat(shipped.id()).isZero();
                assertThat(shipped.inUse()).isFalse();
            });
            assertThat(TestUsers.asAdmin(() -> upgrades.catalogText(history.get(0).id()))).contains("\"revision\": " + next);
            assertThat(TestUsers.asAdmin(() -> upgrades.whyNotStartable(requested.id()))).hasValueSatisfying(why -> assertThat(why)
                    .contains("plan changed since the approval"));
            assertThat(TestUsers.asAdmin(() -> audit.slice(new AuditQuery(null, "upgrade.catalog-replaced", null, null, null), 0, 5)))
                    .anySatisfy(entry -> assertThat(entry.target()).isEqualTo("release catalog revision " + next));
        }
    }
}
