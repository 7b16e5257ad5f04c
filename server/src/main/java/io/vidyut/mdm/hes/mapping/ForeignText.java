package io.vidyut.mdm.hes.mapping;

/**
 * Text an HES sent, made safe to keep and to quote. PostgreSQL refuses NUL in text, so one NUL in a
 * serial, code or raw row used to fail the whole batch's transaction; control characters have no
 * place in an identifier either and would be stored invisibly. Identifiers with them are refused per
 * row; quoted and kept copies (reasons, raw rows in the quarantine) have them escaped.
 */
public final class ForeignText {
    /** Longest piece of a value quoted back in a reason. */
    static final int ECHOED = 80;
    /** Longest raw row kept in the quarantine, as for an unreadable message. */
    public static final int KEPT = 65_536;

    private ForeignText() {}

    /** Whether the text holds a control character (C0, DEL, C1) or half of a surrogate pair. */
    static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isLowSurrogate(c)) return true;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return true;
                i++;
            }
        }
        return false;
    }

    /** The value quoted for a reason: control characters escaped, cut at {@value #ECHOED} characters. */
    static String echo(String text) {
        if (text == null) return "null";
        String cut = text.length() > ECHOED ? text.substring(0, ECHOED) + "…" : text;
        return "\"" + escaped(cut) + "\"";
    }

    /** The text with control characters (and lone surrogates) written as \\uXXXX, cut at {@value #KEPT} characters. */
    public static String storable(String text) {
        if (text == null) return null;
        String cut = text.length() > KEPT ? text.substring(0, KEPT) : text;
        return hasControl(cut) ? escaped(cut) : cut;
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairStart = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pairStart) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
