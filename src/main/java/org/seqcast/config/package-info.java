/**
 * The YAML configuration, the bottom layer: a schema table of keys ({@link org.seqcast.config.ConfigSchema}), a safe
 * loader with {@code --set} overrides ({@link org.seqcast.config.ConfigLoader}), immutable validated records, and the
 * choices as enums ({@link org.seqcast.config.Choice}: TargetTransform, WindowNorm, Strategy, Engine, MissingPolicy, ...)
 * with {@code OptionalInt} for {@code auto}. Entry point: {@code ConfigLoader.load}. {@link org.seqcast.config.DesignSwitches}:
 * the JVM properties that rerun the many-series design measurements (not config keys).
 */
package org.seqcast.config;
