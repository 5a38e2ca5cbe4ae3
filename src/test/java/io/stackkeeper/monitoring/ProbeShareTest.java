package io.stackkeeper.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Probes are spread evenly over the portals, and only the probes of a portal that joins or leaves move. */
class ProbeShareTest {

    private static Map<Long, String> owners(List<String> portals) {
        return LongStream.rangeClosed(1, 1_000).boxed().collect(Collectors.toMap(Function.identity(), probe -> ProbeShare.owner(portals, probe)));
    }

    @Test
    void a_thousand_probes_split_about_evenly_between_two_portals() {
        Map<String, Long> counts = owners(List.of("host-a1764836000000", "host-b1764836000001")).values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts).hasSize(2).allSatisfy((portal, count) -> assertThat(count).isBetween(400L, 600L));
    }

    @Test
    void a_third_portal_joining_takes_probes_from_both_and_moves_no_other() {
        Map<Long, String> two = owners(List.of("a", "b"));
        Map<Long, String> three = owners(List.of("a", "b", "c"));
        long moved = two.keySet().stream().filter(probe -> !two.get(probe).equals(three.get(probe))).count();
        assertThat(two.keySet()).allSatisfy(probe -> assertThat(three.get(probe)).isIn(two.get(probe), "c"));
        assertThat(moved).isBetween(250L, 420L);
    }
}
