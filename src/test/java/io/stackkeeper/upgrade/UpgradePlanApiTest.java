package io.stackkeeper.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stackkeeper.ApiClient;
import io.stackkeeper.PortalTest;
import io.stackkeeper.TestUsers;
import io.stackkeeper.security.AccountService;
import io.stackkeeper.security.Role;
import io.stackkeeper.stack.SampleStack;
import io.stackkeeper.stack.StackService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The upgrade plan of the sample stack (89.0.0 on the real engine, the stand-in MongoDB 4.4) through the API. */
@PortalTest
class UpgradePlanApiTest {

    @RegisterExtension
    static final SampleStack sample = SampleStack.forTheClass("89.0.0", "89.0.0");

    @Autowired
    StackService stack;

    @Autowired
    AccountService accounts;

    @LocalServerPort
    int port;

    private ApiClient api;
    private String token;

    @BeforeEach
    void configure() {
        TestUsers.asAdmin(() -> stack.saveSettings(sample.settings()));
        api = new ApiClient(port);
        token = api.tokenFor(TestUsers.create(accounts, "planner", Role.VIEWER), TestUsers.PASSWORD);
    }

    private ApiClient.Response plan(String backend, String frontend) {
        return api.send("GET", "/api/v1/upgrades/plan?backend=" + backend + "&frontend=" + frontend, ApiClient.bearer(token), null);
    }

    @Test
    void the_plan_from_89_to_90_crosses_the_json_flavor_header_and_passes_its_checks() {
        ApiClient.Response response = plan("90.0.0", "90.0.0");

        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        JsonNode body = response.body();
        assertThat(body.get("from").asText()).contains("89.0.0");
        assertThat(body.get("blocked").asBoolean()).as(body.toString()).isFalse();
        assertThat(body.get("steps")).hasSize(1);
        JsonNode step = body.get("steps").get(0);
        assertThat(step.get("backend").asText()).isEqualTo("90.0.0");
        assertThat(step.get("breakingChanges").toString()).contains("X-JSON-Flavor");
        assertThat(step.get("checks").findValuesAsText("status")).doesNotContain("FAIL");
    }

    @Test
    void a_version_only_the_registry_knows_can_be_planned_but_floating_and_unknown_targets_answer_400() {
        assertThat(plan("90.0.1", "90.0.1").status()).isEqualTo(200);
        ApiClient.Response floating = plan("latest-monthly", "90.0.0");
        assertThat(floating.status()).isEqualTo(400);
        assertThat(floating.body().get("detail").asText()).contains("latest-monthly");
        ApiClient.Response unknown = plan("95.0.0", "95.0.0");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("detail").asText()).contains("95.0.0");
    }

    @Test
    void mismatched_majors_block_the_plan_with_the_reason() {
        ApiClient.Response response = plan("90.0.0", "89.0.0");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("blocked").asBoolean()).isTrue();
        assertThat(response.body().toString()).contains("FAIL");
    }
}
