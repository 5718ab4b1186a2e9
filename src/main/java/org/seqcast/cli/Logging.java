package org.seqcast.cli;

/**
 * Keeps DL4J's INFO chatter off stderr unless --verbose. slf4j-simple reads its level once, when the
 * first logger is created, so this runs before any DL4J or ND4J class is loaded.
 */
public final class Logging {
    private Logging() {
    }

    public static void configure(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        if (!verbose) {
            System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        }
    }
}
