package org.seqcast.config;

/**
 * The {@code transform} section: how target values are transformed before windowing.
 *
 * @param target     log when every value is positive ({@link TargetTransform#AUTO}), always, or never
 * @param windowNorm {@link WindowNorm#RELATIVE}: each window taken relative to the last input value of each
 *                   target, so the network learns changes from the present level (trending series);
 *                   {@link WindowNorm#LEVELS}: globally scaled levels; {@link WindowNorm#AUTO}: both trained,
 *                   the lower validation error kept
 * @param seasonInputs add sin and cos of each row's seasonal phase (from its time) as two more network inputs
 *                     when the season is longer than 1 (a pair per period)
 * @param residual     the network learns the difference from a seasonal naive forecast (needs seasonal lags); auto: with them
 */
public record TransformConfig(TargetTransform target, WindowNorm windowNorm, boolean seasonInputs, AutoFlag residual) {
    public TransformConfig {
        ConfigSchema.check(TransformConfig.class, target, windowNorm, seasonInputs, residual);
    }

    /** Residual as the data say (auto). */
    public TransformConfig(TargetTransform target, WindowNorm windowNorm, boolean seasonInputs) {
        this(target, windowNorm, seasonInputs, AutoFlag.AUTO);
    }
}
