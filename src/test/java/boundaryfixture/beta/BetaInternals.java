package boundaryfixture.beta;

/** Public by mistake: a class of the fixture's feature that is not part of what it offers. */
public class BetaInternals {

    public String secret() {
        return "internal";
    }
}
