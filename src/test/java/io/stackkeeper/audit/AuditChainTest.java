package io.stackkeeper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackkeeper.base.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final AuditChain CHAIN = new AuditChain(new byte[32], 1);

    private static List<AuditEntry> chainOf(int size) {
        List<AuditEntry> chain = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (long id = 1; id <= size; id++) {
            AuditEntry entry = AuditEntry.sealed(CHAIN, id, Instant.parse("2026-11-25T10:00:00Z").plusSeconds(id), "alice",
                    "user.created", "user" + id, Outcome.SUCCESS, "{\"n\":" + id + "}", "10.0.0.1", previous);
            chain.add(entry);
            previous = entry.hash();
        }
        return chain;
    }

    private static ChainVerification verify(List<AuditEntry> chain) {
        AuditChain.Verifier verifier = CHAIN.new Verifier();
        chain.forEach(verifier::accept);
        return verifier.result();
    }

    private static AuditEntry withActor(AuditEntry e, String actor) {
        return new AuditEntry(e.id(), e.occurredAt(), actor, e.action(), e.target(), e.outcome(), e.details(),
                e.clientAddress(), e.previousHash(), e.hash());
    }

    @Test
    void an_untouched_chain_is_intact() {
        ChainVerification result = verify(chainOf(50));
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(50);
        assertThat(result.firstBrokenEntryId()).isNull();
    }

    @Test
    void altering_an_entry_is_reported_at_that_entry() {
        List<AuditEntry> chain = chainOf(10);
        chain.set(6, withActor(chain.get(6), "mallory"));
        ChainVerification result = verify(chain);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenEntryId()).isEqualTo(7);
        assertThat(result.problem()).contains("#7").contains("altered");
    }

    @Test
    void altering_an_entry_and_resealing_it_is_caught_at_the_next_entry() {
        List<AuditEntry> chain = chainOf(10);
        AuditEntry original = chain.get(3);
        chain.set(3, AuditEntry.sealed(CHAIN, original.id(), original.occurredAt(), "mallory", original.action(), original.target(),
                original.outcome(), original.details(), original.clientAddress(), original.previousHash()));
        ChainVerification result = verify(chain);
        assertThat(result.firstBrokenEntryId()).isEqualTo(5);
        assertThat(result.problem()).contains("previous entry was altered");
    }

    @Test
    void removing_an_entry_names_the_gap() {
        List<AuditEntry> chain = chainOf(10);
        chain.remove(4);
        ChainVerification result = verify(chain);
        assertThat(result.firstBrokenEntryId()).isEqualTo(6);
        assertThat(result.problem()).contains("#5").contains("removed");
    }

    @Test
    void removing_the_first_entries_is_detected() {
        List<AuditEntry> chain = chainOf(5);
        chain.remove(0);
        assertThat(verify(chain).firstBrokenEntryId()).isEqualTo(2);
    }

    @Test
    void removing_the_newest_entries_is_caught_by_the_recorded_end_of_the_chain() {
        List<AuditEntry> chain = chainOf(10);
        String headHash = chain.get(9).hash();
        chain.remove(9);
        chain.remove(8);
        AuditChain.Verifier verifier = CHAIN.new Verifier();
        chain.forEach(verifier::accept);
        ChainVerification result = verifier.result(10, headHash, CHAIN.headSeal(10, headHash));
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenEntryId()).isEqualTo(9);
        assertThat(result.problem()).contains("#9 to #10 were removed from the end");
    }

    @Test
    void resealing_the_newest_entry_is_caught_by_the_recorded_hash() {
        List<AuditEntry> chain = chainOf(3);
        String headHash = chain.get(2).hash();
        AuditEntry last = chain.get(2);
        chain.set(2, AuditEntry.sealed(CHAIN, 3, last.occurredAt(), "mallory", last.action(), last.target(), last.outcome(), last.details(),
                last.clientAddress(), last.previousHash()));
        AuditChain.Verifier verifier = CHAIN.new Verifier();
        chain.forEach(verifier::accept);
        assertThat(verifier.result(3, headHash, CHAIN.headSeal(3, headHash)).firstBrokenEntryId()).isEqualTo(3);
        AuditChain.Verifier untouched = CHAIN.new Verifier();
        chainOf(3).forEach(untouched::accept);
        assertThat(untouched.result(3, headHash, CHAIN.headSeal(3, headHash)).intact()).isTrue();
    }

    @Test
    void the_content_encoding_cannot_be_imitated_by_moving_text_between_fields() {
        AuditEntry a = AuditEntry.sealed(CHAIN, 1, Instant.EPOCH, "ab", "c", null, Outcome.SUCCESS, "{}", null, AuditChain.GENESIS);
        AuditEntry b = AuditEntry.sealed(CHAIN, 1, Instant.EPOCH, "a", "bc", null, Outcome.SUCCESS, "{}", null, AuditChain.GENESIS);
        assertThat(a.hash()).isNotEqualTo(b.hash());
    }
}
