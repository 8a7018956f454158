package org.xueliang.tracker.agent.onvif;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.xueliang.tracker.agent.probe.Reason;

/**
 * Hardened XML reading for device answers: no DTDs, no external entities, no entity expansion,
 * bounded size, depth and element count. A document that declares a DOCTYPE is refused outright.
 */
public final class SafeXml {

    public static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 64;
    static final int MAX_ELEMENTS = 50_000;

    private static final XMLInputFactory FACTORY = newFactory();

    private SafeXml() {
    }

    static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    /** Parses bytes into an element tree, or fails with BAD_RESPONSE saying why. */
    public static XmlNode parse(byte[] body) throws OnvifException {
        if (body.length > MAX_BYTES) {
            throw new OnvifException(Reason.BAD_RESPONSE, "XML body of " + body.length + " bytes exceeds " + MAX_BYTES);
        }
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(withoutFalseUtf16Declaration(body)));
            Deque<Builder> stack = new ArrayDeque<>();
            XmlNode root = null;
            int elements = 0;
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD ->
                            throw new OnvifException(Reason.BAD_RESPONSE, "document declares a DOCTYPE; refused");
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new OnvifException(Reason.BAD_RESPONSE, "entity reference &" + r.getLocalName() + "; refused");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > MAX_ELEMENTS || stack.size() >= MAX_DEPTH) {
                            throw new OnvifException(Reason.BAD_RESPONSE, "XML too deep or too many elements");
                        }
                        Map<String, String> attrs = new HashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        String ns = r.getNamespaceURI();
                        stack.push(new Builder(ns == null ? "" : ns, r.getLocalName(), attrs));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            stack.peek().text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlNode done = stack.pop().build();
                        if (stack.isEmpty()) {
                            root = done;
                        } else {
                            stack.peek().children.add(done);
                        }
                    }
                    default -> {
                    }
                }
            }
            if (root == null) {
                throw new OnvifException(Reason.BAD_RESPONSE, "no XML element in the body");
            }
            return root;
        } catch (XMLStreamException e) {
            throw new OnvifException(Reason.BAD_RESPONSE, "malformed XML: " + firstLine(e.getMessage()), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    /**
     * Some encoders declare {@code encoding="utf-16"} over single-byte content. Such a declaration
     * (no byte-order mark, 8-bit "&lt;?xml") is dropped so the content reads as the UTF-8 it is.
     */
    static byte[] withoutFalseUtf16Declaration(byte[] b) {
        if (b.length < 6 || b[0] != '<' || b[1] != '?') {
            return b;
        }
        int end = -1;
        for (int i = 2; i < Math.min(b.length - 1, 200); i++) {
            if (b[i] == '?' && b[i + 1] == '>') {
                end = i + 2;
                break;
            }
        }
        if (end < 0) {
            return b;
        }
        String decl = new String(b, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        if (!decl.matches("<\\?xml\\s.*encoding\\s*=\\s*[\"']utf-16(le|be)?[\"'].*")) {
            return b;
        }
        return java.util.Arrays.copyOfRange(b, end, b.length);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(s);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** Escapes text for inclusion in an element or attribute. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final class Builder {
        final String ns;
        final String local;
        final Map<String, String> attrs;
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();

        Builder(String ns, String local, Map<String, String> attrs) {
            this.ns = ns;
            this.local = local;
            this.attrs = attrs;
        }

        XmlNode build() {
            return new XmlNode(ns, local, Map.copyOf(attrs), text.toString(), List.copyOf(children));
        }
    }
}
