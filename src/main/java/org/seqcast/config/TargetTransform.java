package org.seqcast.config;

/** {@code transform.target}: the transform of the target values before scaling. */
public enum TargetTransform implements Choice {
    /** Log when every target value of the series is positive, none otherwise. */
    AUTO,
    /** Natural log (the series must be positive). */
    LOG,
    /** The values as they are. */
    NONE;

    @Override
    public String key() {
        return Choice.lower(this);
    }
}
