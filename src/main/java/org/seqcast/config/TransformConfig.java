package org.seqcast.config;

/**
 * The {@code transform} section: how target values are transformed before windowing.
 *
 * @param target     {@code auto} (log when every training value is positive), {@code log}, or {@code none}
 * @param windowNorm subtract from each window the last input value of each target, so the network
 *                   learns changes relative to the present level (works on trending series)
 * @param seasonInputs add sin and cos of each row's seasonal phase (from its time) as two more network inputs
 *                     when the season is longer than 1
 */
public record TransformConfig(String target, boolean windowNorm, boolean seasonInputs) {

    public TransformConfig {
        ConfigSchema.check(TransformConfig.class, target, windowNorm, seasonInputs);
    }
}
