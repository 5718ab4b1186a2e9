package org.seqcast.config;

import java.util.List;

/**
 * {@code transform.window_norm}: how a window's values relate to the series' level. Spelled {@code true},
 * {@code false} or {@code auto} in YAML.
 */
public enum WindowNorm implements Choice {
    /** Each window's targets and target inputs relative to its last input value (YAML {@code true}). */
    RELATIVE("true"),
    /** Globally scaled levels (YAML {@code false}). */
    LEVELS("false"),
    /** Train both, keep the one with the lower validation error. */
    AUTO("auto");

    private final String key;

    WindowNorm(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    /** What to train: both ways for {@code auto} (relative first), otherwise this one. */
    public List<WindowNorm> candidates() {
        return this == AUTO ? List.of(RELATIVE, LEVELS) : List.of(this);
    }

    /** How people read it in reports. */
    public String describe() {
        return switch (this) {
            case RELATIVE -> "relative windows";
            case LEVELS -> "global levels";
            case AUTO -> "auto";
        };
    }
}
