/** The YAML configuration: a schema table of keys, a safe loader with {@code --set} overrides, and immutable validated records. */
package org.seqcast.config;
