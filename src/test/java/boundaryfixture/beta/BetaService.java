package boundaryfixture.beta;

import org.springframework.stereotype.Service;

/** A feature's public service in the boundary rule's fixture. */
@Service
public class BetaService {

    public BetaReading read() {
        return new BetaReading("fine");
    }
}
