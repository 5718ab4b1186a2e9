package org.seqcast.cli;

import org.seqcast.Versions;
import picocli.CommandLine.IVersionProvider;

/** {@code seqcast --version}: seqcast, DL4J and Java versions. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"seqcast " + Versions.seqcast() + " (DL4J " + Versions.dl4j() + ", Java " + Versions.java() + ")"};
    }
}
