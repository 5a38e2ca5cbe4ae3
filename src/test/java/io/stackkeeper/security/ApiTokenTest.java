package io.stackkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private final UserAccount owner = new UserAccount("alice", "{noop}x", EnumSet.of(Role.OPERATOR), CREATED, null);

    @Test
    void a_token_value_is_random_prefixed_and_stored_only_as_its_sha256() {
        String first = TokenCodec.newToken();
        String second = TokenCodec.newToken();
        assertThat(first).startsWith("skt_").hasSizeGreaterThan(40).isNotEqualTo(second);
        assertThat(TokenCodec.hash(first)).hasSize(64).matches("[0-9a-f]+").isEqualTo(TokenCodec.hash(first))
                .doesNotContain(first.substring(4));
        assertThat(TokenCodec.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void a_token_works_until_its_expiry_and_not_at_or_after_it() {
        ApiToken token = new ApiToken(owner, "ci", TokenCodec.hash("t"), CREATED, CREATED.plusSeconds(3600));
        assertThat(token.isUsableAt(CREATED.plusSeconds(3599))).isTrue();
        assertThat(token.isUsableAt(CREATED.plusSeconds(3600))).isFalse();
        assertThat(token.state(CREATED.plusSeconds(7200))).isEqualTo("expired");
    }

    @Test
    void a_revoked_token_or_one_of_a_disabled_owner_stops_working() {
        ApiToken token = new ApiToken(owner, "ci", TokenCodec.hash("t"), CREATED, CREATED.plusSeconds(3600));
        owner.setEnabled(false);
        assertThat(token.isUsableAt(CREATED)).isFalse();
        owner.setEnabled(true);
        token.revoke(CREATED.plusSeconds(1));
        assertThat(token.isUsableAt(CREATED.plusSeconds(2))).isFalse();
        assertThat(token.state(CREATED.plusSeconds(2))).isEqualTo("revoked");
    }
}
