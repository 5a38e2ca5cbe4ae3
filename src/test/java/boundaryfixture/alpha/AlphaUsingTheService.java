package boundaryfixture.alpha;

import boundaryfixture.beta.BetaReading;
import boundaryfixture.beta.BetaService;

/** Keeps to the rule: uses the other feature's service and its record. */
class AlphaUsingTheService {

    String value(BetaService beta) {
        BetaReading reading = beta.read();
        return reading.value();
    }
}
