package org.xueliang.tracker.agent.gb;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads and writes MANSCDP bodies (the XML in GB/T 28181 MESSAGE and NOTIFY requests).
 * <ul>
 *   <li>Decoded in the charset the XML declaration names: devices send GB2312, which in practice carries GBK
 *       characters, so GB2312 and GBK are read as their superset GB18030. No declaration means UTF-8.</li>
 *   <li>No DTD, no entities (a DOCTYPE is refused outright), a bounded size and depth: device XML is hostile input.</li>
 * </ul>
 */
public final class Manscdp {

    /** Larger than any real Catalog part (a few dozen items) by far; SIP over UDP caps a body well below it. */
    public static final int MAX_BYTES = 256 * 1024;
    static final int MAX_DEPTH = 8;
    static final int MAX_ITEMS = 10_000;
    static final int MAX_TEXT = 4096;

    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]{1,40})[\"']");
    private static final XMLInputFactory FACTORY = safeFactory();

    private Manscdp() {
    }

    public static ManscdpMessage parse(byte[] body) throws ManscdpException {
        if (body == null || body.length == 0) {
            throw new ManscdpException("empty body");
        }
        if (body.length > MAX_BYTES) {
            throw new ManscdpException("body of " + body.length + " bytes is over " + MAX_BYTES);
        }
        return parseText(decode(body));
    }

    /** The charset the declaration names, read as the superset devices really use; UTF-8 when none is declared. */
    public static Charset declaredCharset(byte[] body) throws ManscdpException {
        if (startsWithUtf8Mark(body)) {
            // XML 1.0 Appendix F: the byte-order mark names the encoding, whatever a copied declaration says
            return StandardCharsets.UTF_8;
        }
        String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = m.group(1).toUpperCase(Locale.ROOT);
        if (name.equals("GB2312") || name.equals("GBK") || name.equals("GB18030") || name.equals("EUC-CN")) {
            return Charset.forName("GB18030");
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            throw new ManscdpException("unknown charset " + m.group(1));
        }
    }

    private static boolean startsWithUtf8Mark(byte[] body) {
        return body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF;
    }

    static String decode(byte[] body) throws ManscdpException {
        Charset charset = declaredCharset(body);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ManscdpException("body is not valid " + charset.name());
        }
    }

    static ManscdpMessage parseText(String text) throws ManscdpException {
        // The declaration names the bytes' charset; the reader gets characters, so it goes (StAX would re-check it).
        // A byte-order mark goes too, with a declaration or without one.
        String unmarked = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String xml = unmarked.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");
        refuseDoctype(xml);
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
            try {
                return read(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new ManscdpException("malformed MANSCDP: " + shortMessage(e), e);
        }
    }

    /**
     * Refuses a DOCTYPE in the prolog before StAX sees it: with DTDs off, the JDK's scanner still reads an internal
     * subset (and prints to stderr when it ends early); refused here, no DTD text is ever scanned.
     */
    private static void refuseDoctype(String xml) throws ManscdpException {
        int i = 0;
        while (i < xml.length()) {
            char c = xml.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (xml.startsWith("<!--", i)) {
                int end = xml.indexOf("-->", i + 4);
                i = end < 0 ? xml.length() : end + 3;
            } else if (xml.startsWith("<?", i)) {
                int end = xml.indexOf("?>", i + 2);
                i = end < 0 ? xml.length() : end + 2;
            } else if (xml.startsWith("<!DOCTYPE", i)) {
                throw new ManscdpException("a DOCTYPE is not accepted");
            } else {
                return;
            }
        }
    }

    private static ManscdpMessage read(XMLStreamReader r) throws XMLStreamException, ManscdpException {
        while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
            if (r.getEventType() == XMLStreamConstants.DTD) {
                throw new ManscdpException("a DOCTYPE is not accepted");
            }
        }
        if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new ManscdpException("no root element");
        }
        ManscdpMessage.Root root;
        try {
            root = ManscdpMessage.Root.valueOf(r.getLocalName());
        } catch (IllegalArgumentException e) {
            throw new ManscdpException("root element " + r.getLocalName() + " is not Query, Response, Notify or Control");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<Map<String, String>> items = new ArrayList<>();
        String listName = null;
        Integer sumNum = null;
        // Depth 1 = child of the root. A child with element children is the list (its <Item>s) or a nested group
        // whose simple children are flattened into fields as Parent.Child (e.g. Info.Tag).
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.DTD) {
                throw new ManscdpException("a DOCTYPE is not accepted");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = r.getLocalName();
            String num = r.getAttributeValue(null, "Num");
            Object content = readElement(r, 2);
            if (content instanceof String s) {
                fields.put(name, s);
            } else {
                @SuppressWarnings("unchecked")
                List<Object> children = (List<Object>) content;
                boolean isList = children.stream().anyMatch(c -> c instanceof Child ch && ch.name.equals("Item"));
                if (isList && listName == null) {
                    listName = name;
                    if (num != null) {
                        fields.put(name + "@Num", num.trim());
                    }
                    for (Object c : children) {
                        if (c instanceof Child ch && ch.name.equals("Item")) {
                            if (items.size() >= MAX_ITEMS) {
                                throw new ManscdpException("more than " + MAX_ITEMS + " items");
                            }
                            // an empty <Item/> is an item without fields, not one named Item
                            items.add(ch.content instanceof String ? Map.of() : ch.flat());
                        }
                    }
                } else {
                    // keys relative to this element at every depth (Info.PTZType, Info.A.B), as items get them
                    new Child(name, children).flat().forEach((k, v) -> fields.put(name + "." + k, v));
                }
            }
        }
        String cmdType = fields.remove("CmdType");
        if (cmdType == null || cmdType.isBlank()) {
            throw new ManscdpException("CmdType is missing");
        }
        long sn = parseSn(fields.remove("SN"));
        String deviceId = fields.remove("DeviceID");
        String sum = fields.remove("SumNum");
        if (sum != null) {
            try {
                sumNum = Integer.parseInt(sum.trim());
            } catch (NumberFormatException e) {
                throw new ManscdpException("SumNum is not a number");
            }
        }
        return new ManscdpMessage(root, cmdType.trim(), sn, deviceId == null ? null : deviceId.trim(), fields, listName,
                items, sumNum);
    }

    private record Child(String name, Object content) {
        Map<String, String> flat() {
            Map<String, String> out = new LinkedHashMap<>();
            if (content instanceof String s) {
                out.put(name, s);
            } else {
                @SuppressWarnings("unchecked")
                List<Object> children = (List<Object>) content;
                for (Object c : children) {
                    if (c instanceof Child ch) {
                        if (ch.content instanceof String s) {
                            out.put(ch.name, s);
                        } else {
                            ch.flat().forEach((k, v) -> out.put(ch.name + "." + k, v));
                        }
                    }
                }
            }
            return out;
        }
    }

    /** An element's text (trimmed) when it has no element children, else its children as {@link Child}ren. */
    private static Object readElement(XMLStreamReader r, int depth) throws XMLStreamException, ManscdpException {
        if (depth > MAX_DEPTH) {
            throw new ManscdpException("nested deeper than " + MAX_DEPTH);
        }
        StringBuilder text = new StringBuilder();
        List<Object> children = null;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (children != null) {
                        // between child elements: the line breaks of a long list, not a value (mixed content is dropped)
                        continue;
                    }
                    if (text.length() + r.getTextLength() > MAX_TEXT) {
                        throw new ManscdpException("a text longer than " + MAX_TEXT + " characters");
                    }
                    text.append(r.getText());
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    if (children == null) {
                        children = new ArrayList<>();
                    }
                    if (children.size() >= MAX_ITEMS) {
                        throw new ManscdpException("more than " + MAX_ITEMS + " elements in one list");
                    }
                    String name = r.getLocalName();
                    children.add(new Child(name, readElement(r, depth + 1)));
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return children == null ? text.toString().trim() : children;
                }
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD ->
                        throw new ManscdpException("entities are not accepted");
                default -> {
                }
            }
        }
        throw new ManscdpException("unexpected end of document");
    }

    private static long parseSn(String sn) throws ManscdpException {
        if (sn == null || sn.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(sn.trim());
        } catch (NumberFormatException e) {
            throw new ManscdpException("SN is not a number");
        }
    }

    /** Writes a document in {@code charset} (GB2312 is what devices and platforms expect; UTF-8 works too). */
    public static byte[] write(ManscdpMessage m, Charset charset) {
        StringBuilder x = new StringBuilder(256 + 160 * m.items().size());
        x.append("<?xml version=\"1.0\" encoding=\"").append(charset.name().equals("GB18030") ? "GB2312" : charset.name())
                .append("\"?>\r\n<").append(m.root()).append(">\r\n");
        element(x, "CmdType", m.cmdType());
        element(x, "SN", Long.toString(m.sn()));
        element(x, "DeviceID", m.deviceId());
        if (m.sumNum() != null) {
            element(x, "SumNum", m.sumNum().toString());
        }
        m.fields().forEach((k, v) -> {
            if (!k.contains("@")) {
                nested(x, k, v);
            }
        });
        if (m.listName() != null) {
            x.append('<').append(m.listName()).append(" Num=\"").append(m.items().size()).append("\">\r\n");
            for (Map<String, String> item : m.items()) {
                x.append("<Item>\r\n");
                item.forEach((k, v) -> nested(x, k, v));
                x.append("</Item>\r\n");
            }
            x.append("</").append(m.listName()).append(">\r\n");
        }
        x.append("</").append(m.root()).append(">\r\n");
        return x.toString().getBytes(charset);
    }

    /** {@code Info.Tag} becomes {@code <Info><Tag>v</Tag></Info>}. */
    private static void nested(StringBuilder x, String key, String value) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            element(x, key, value);
            return;
        }
        x.append('<').append(key, 0, dot).append('>');
        nested(x, key.substring(dot + 1), value);
        x.append("</").append(key, 0, dot).append(">\r\n");
    }

    private static void element(StringBuilder x, String name, String value) {
        if (value == null) {
            return;
        }
        x.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append(">\r\n");
    }

    /**
     * Markup characters as references; a carriage return as {@code &#13;} (a raw one would come back as a line feed);
     * characters XML 1.0 cannot carry at all (controls, lone surrogates) as U+FFFD, so that what is written always
     * parses.
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\r' -> b.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (c == '\t' || c == '\n' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD)) {
                        b.append(c);
                    } else {
                        b.append('\uFFFD');
                    }
                }
            }
        }
        return b.toString();
    }

    private static XMLInputFactory safeFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    private static String shortMessage(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 160 ? m.substring(0, 160) : m;
    }
}
