package org.seqcast.cli;

/**
 * Text from files (model metadata, CSV headers, config values) made safe to print on a terminal:
 * control characters, which could move the cursor or rewrite the screen (escape sequences), and the
 * bidirectional overrides, which reorder what is shown, are written as {@code \\uXXXX} escapes.
 */
public final class Text {
    private Text() {
    }

    /** The text with every control, format-override or line-separator character escaped; null stays "null". */
    public static String printable(String s) {
        return escape(s, false);
    }

    /** The same, keeping line breaks (for multi-line messages such as picocli's). */
    static String printableLines(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepNewlines) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c) && !(keepNewlines && c == '\n')) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(String.format("\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean unsafe(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x2028 || c == 0x2029 || c == 0x200e || c == 0x200f || c == 0x061c;
    }
}
