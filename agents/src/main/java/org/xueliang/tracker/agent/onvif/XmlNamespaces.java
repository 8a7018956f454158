package org.xueliang.tracker.agent.onvif;

import java.util.Arrays;

/**
 * The namespace declarations in scope while {@link Utf8XmlReader} walks a document: a stack of (prefix, URI)
 * pairs, cut back to an element's mark when it closes. The empty prefix is the default namespace; an empty URI
 * undeclares it. Prefixes are looked up straight from the document's bytes, hash first (answers declare dozens of
 * prefixes on their root and every element resolves one), so resolving a name allocates nothing.
 */
final class XmlNamespaces {

    static final String XML_URI = "http://www.w3.org/XML/1998/namespace";
    static final String XMLNS_URI = "http://www.w3.org/2000/xmlns/";

    private String[] prefixes = new String[16];
    private String[] uris = new String[16];
    private int[] hashes = new int[16];
    private int size;

    int mark() {
        return size;
    }

    void resetTo(int mark) {
        size = mark;
    }

    void declare(String prefix, String uri) {
        if (size == prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, size * 2);
            uris = Arrays.copyOf(uris, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        hashes[size] = hash(prefix);
        prefixes[size] = prefix;
        uris[size++] = uri;
    }

    /** The URI bound to the ASCII prefix {@code b[from, to)}, "" for an unset default namespace, null if unbound. */
    String uri(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        for (int i = size - 1; i >= 0; i--) {
            if (hashes[i] == h && sameAscii(prefixes[i], b, from, to)) {
                return uris[i];
            }
        }
        return from == to ? "" : null;
    }

    /** String.hashCode of an ASCII prefix, which is what {@link #uri} computes from the bytes. */
    private static int hash(String prefix) {
        return prefix.hashCode();
    }

    static boolean sameAscii(String s, byte[] b, int from, int to) {
        if (s.length() != to - from) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != b[from + i]) {
                return false;
            }
        }
        return true;
    }
}
