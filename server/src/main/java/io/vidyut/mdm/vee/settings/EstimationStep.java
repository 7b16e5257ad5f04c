package io.vidyut.mdm.vee.settings;

import io.vidyut.mdm.vee.EstimationMethod;
import java.util.List;

/**
 * One step of the estimation order: gaps up to {@code upToMinutes} long (any longer ones when null) try
 * {@code methods} in turn; the first whose preconditions hold fills the gap.
 */
public record EstimationStep(Integer upToMinutes, List<EstimationMethod> methods) {
    public EstimationStep {
        methods = methods == null ? List.of() : List.copyOf(methods);
    }

    /**
     * Measured on real household data (SGSC, docs/vee.md): up to 8 hours the like-day history adjusted to the
     * meter's typical level beats interpolation and the plain like-day mean; beyond, its shape scaled to the
     * energy around the gap keeps the gap's energy closest.
     */
    static List<EstimationStep> defaults() {
        return List.of(
                new EstimationStep(480, List.of(EstimationMethod.LIKE_DAY, EstimationMethod.LINEAR, EstimationMethod.PROFILE,
                        EstimationMethod.FLAT)),
                new EstimationStep(null, List.of(EstimationMethod.LIKE_DAY_SCALED, EstimationMethod.PROFILE, EstimationMethod.LINEAR,
                        EstimationMethod.FLAT)));
    }
}
