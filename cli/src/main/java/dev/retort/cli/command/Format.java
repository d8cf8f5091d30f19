package dev.retort.cli.command;

import java.util.List;

/** Small formatting shared by the commands' output. */
public final class Format {
    private Format() {
    }

    static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    static String ids(List<String> ids) {
        return ids.isEmpty() ? "base" : String.join(", ", ids);
    }

    public static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String jsonList(List<String> items) {
        return "[" + String.join(",", items.stream().map(Format::json).toList()) + "]";
    }
}
