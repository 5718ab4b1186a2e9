package org.seqcast.config;

/**
 * The {@code transform} section: how target values are transformed before windowing.
 *
 * @param target     {@code auto} (log when every training value is positive), {@code log}, or {@code none}
 * @param windowNorm {@code true}: subtract from each window the last input value of each target, so the
 *                   network learns changes relative to the present level (works on trending series);
 *                   {@code false}: globally scaled levels; {@code auto}: both trained, the lower validation
 *                   MAE kept
 * @param seasonInputs add sin and cos of each row's seasonal phase (from its time) as two more network inputs
 *                     when the season is longer than 1
 */
public record TransformConfig(String target, String windowNorm, boolean seasonInputs) {

    public TransformConfig {
        ConfigSchema.check(TransformConfig.class, target, windowNorm, seasonInputs);
    }

    /** The window-normalisation choices to train: both for {@code auto} (relative first), else the one set. */
    public java.util.List<Boolean> windowNormChoices() {
        return switch (windowNorm) {
            case "auto" -> java.util.List.of(true, false);
            case "true" -> java.util.List.of(true);
            default -> java.util.List.of(false);
        };
    }
}
