package org.seqcast.config;

/**
 * A switch whose default follows the data: {@code auto}, {@code true} or {@code false} in YAML (booleans read as
 * booleans). What {@code auto} means is documented with each key that takes it.
 */
public enum AutoFlag implements Choice {
    /** Decided from the data (see the key). */
    AUTO("auto"),
    /** On. */
    TRUE("true"),
    /** Off. */
    FALSE("false");

    private final String key;

    AutoFlag(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    /** On when set to true, off when false, {@code whenAuto} for auto. */
    public boolean resolve(boolean whenAuto) {
        return this == AUTO ? whenAuto : this == TRUE;
    }
}
