package boundaryfixture.alpha;

import boundaryfixture.beta.BetaInternals;

/** Breaks the rule on purpose: reaches past the other feature's service into its internals. */
class AlphaReachingIn {

    String value() {
        return new BetaInternals().secret();
    }
}
