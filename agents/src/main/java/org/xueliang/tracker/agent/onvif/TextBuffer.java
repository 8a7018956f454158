package org.xueliang.tracker.agent.onvif;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable text buffer for the readers: unlike a StringBuilder it takes runs of ASCII bytes with one array copy
 * and hands back its tail as a String while cutting it off, which is how {@link XmlTree} keeps every open element's
 * text in one buffer. It holds Latin-1 bytes (what nearly all answers are, and what a String stores them as) until
 * the first wider character, then chars for the rest of the document.
 */
final class TextBuffer {

    private byte[] latin1 = new byte[128];
    /** Null while every character so far fits in a byte. */
    private char[] wide;
    private int length;

    int length() {
        return length;
    }

    void append(char c) {
        if (wide == null && c <= 0xFF) {
            if (length == latin1.length) {
                latin1 = Arrays.copyOf(latin1, length * 2);
            }
            latin1[length++] = (byte) c;
            return;
        }
        widen(1);
        wide[length++] = c;
    }

    void appendCodePoint(int cp) {
        if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            append((char) cp);
        } else {
            append(Character.highSurrogate(cp));
            append(Character.lowSurrogate(cp));
        }
    }

    /** Bytes known to be ASCII, one character each. */
    void appendAscii(byte[] b, int from, int to) {
        int n = to - from;
        if (wide == null) {
            if (length + n > latin1.length) {
                latin1 = Arrays.copyOf(latin1, Math.max(latin1.length * 2, length + n));
            }
            System.arraycopy(b, from, latin1, length, n);
        } else {
            widen(n);
            for (int i = from; i < to; i++) {
                wide[length + i - from] = (char) b[i];
            }
        }
        length += n;
    }

    void append(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (wide == null && c > 0xFF) {
                int rest = s.length() - i;
                widen(rest);
                s.getChars(i, s.length(), wide, length);
                length += rest;
                return;
            }
            append(c);
        }
    }

    /** The text from {@code start} to the end, which is then cut off. */
    String cut(int start) {
        int n = length - start;
        String s = n == 0 ? "" : wide == null ? new String(latin1, start, n, StandardCharsets.ISO_8859_1)
                : new String(wide, start, n);
        length = start;
        return s;
    }

    /** Switches to chars (once per document) and makes room for {@code more} of them. */
    private void widen(int more) {
        if (wide == null) {
            wide = new char[Math.max(latin1.length, length + more) * 2];
            for (int i = 0; i < length; i++) {
                wide[i] = (char) (latin1[i] & 0xFF);
            }
        } else if (length + more > wide.length) {
            wide = Arrays.copyOf(wide, Math.max(wide.length * 2, length + more));
        }
    }
}
