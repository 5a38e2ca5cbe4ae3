package boundaryfixture.beta;

/** A record the fixture's service returns. */
public record BetaReading(String value) {
}
