package org.xueliang.tracker.agent.onvif;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.xueliang.tracker.agent.probe.Reason;

/**
 * A strict, non-validating, namespace-aware XML 1.0 reader over UTF-8 bytes that builds {@link XmlNode}s directly.
 * It gives the tree {@link StaxXml} gives (the differential tests hold it to that) at a fraction of the cost: no
 * reader objects, symbol tables or buffers to set up per document.
 *
 * <p>Safety: a DOCTYPE is refused, so no entity can be declared; of entity references only the five predefined
 * ones and character references to valid XML characters are read, any other is refused; invalid UTF-8, characters
 * XML forbids, mismatched or unclosed tags, unbound prefixes and repeated attributes are errors; depth and element
 * count are bounded by {@link XmlTree}, attributes per element and namespace declarations in scope here. The reader
 * never looks outside the byte array and does not recurse.
 *
 * <p>Documents outside its subset throw {@link OutsideSubset} before any tree is returned, and the caller reads them
 * with StAX: a declared encoding other than UTF-8, XML 1.1 or an unusual declaration, a byte order other than
 * UTF-8's, names with non-ASCII characters (XML's Unicode name tables), odd colons in names, and declarations
 * touching the reserved xml/xmlns prefixes or URIs. Those are rare in device answers and need StAX's exact rules.
 */
final class Utf8XmlReader {

    /** The document needs the StAX reader; not an error by itself. */
    static final class OutsideSubset extends Exception {
        OutsideSubset(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * Bounds StAX does not have, far above any device answer (roots declare at most a few dozen namespaces): they
     * keep the attribute checks and prefix lookups, linear per name, from being made quadratic by a hostile body.
     */
    static final int MAX_ATTRIBUTES = 256;
    static final int MAX_NAMESPACES_IN_SCOPE = 1024;

    private static final boolean[] NAME_START = new boolean[128];
    private static final boolean[] NAME_CHAR = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            NAME_START[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
            NAME_CHAR[c] = NAME_START[c] || c >= '0' && c <= '9' || c == '.' || c == '-';
        }
    }

    private final byte[] b;
    private final int len;
    private int pos;
    private final XmlTree tree = new XmlTree();
    private final XmlNamespaces namespaces = new XmlNamespaces();
    /** Attribute values with references or line ends, each taken whole with {@link TextBuffer#cut}. */
    private final TextBuffer attributeText = new TextBuffer();
    /** Open elements: where each qualified name lies in the bytes, and the namespace mark to return to. */
    private int[] openFrom = new int[16];
    private int[] openTo = new int[16];
    private int[] openMark = new int[16];
    private int depth;
    /** The current start tag's attributes: qualified name positions, colon position (-1 if none), value. */
    private int[] attrFrom = new int[8];
    private int[] attrTo = new int[8];
    private int[] attrColon = new int[8];
    private String[] attrValue = new String[8];
    private int[] attrHash = new int[8];
    private int attrCount;

    private Utf8XmlReader(byte[] b) {
        this.b = b;
        this.len = b.length;
    }

    /** Reads a whole document; {@link OutsideSubset} when StAX must read it instead. */
    static XmlNode read(byte[] doc) throws OnvifException, OutsideSubset {
        return new Utf8XmlReader(doc).document();
    }

    private XmlNode document() throws OnvifException, OutsideSubset {
        if (len >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            pos = 3;
        }
        if (pos < len && b[pos] != '<' && !isSpace(b[pos]) || at(pos) == '<' && at(pos + 1) == 0) {
            // StAX sniffs UTF-16/UCS-4/EBCDIC from the first bytes; anything else there is an error it reports
            throw new OutsideSubset("not UTF-8 markup at the start");
        }
        if (startsWith(pos, "<?xml") && isSpace(at(pos + 5))) {
            declaration();
        }
        boolean rootSeen = false;
        while (true) {
            skipSpace();
            if (pos >= len) {
                return tree.root();
            }
            if (b[pos] != '<') {
                throw malformed(rootSeen ? "content after the root element" : "content before the root element");
            }
            int next = at(pos + 1);
            if (next == '?') {
                processingInstruction();
            } else if (startsWith(pos, "<!--")) {
                comment();
            } else if (!rootSeen && startsWith(pos, "<!DOCTYPE")) {
                throw new OnvifException(Reason.BAD_RESPONSE, SafeXml.DOCTYPE_REFUSED);
            } else if (!rootSeen && next != '!' && next != '/') {
                rootElement();
                rootSeen = true;
            } else {
                throw malformed(rootSeen ? "markup after the root element" : "markup before the root element");
            }
        }
    }

    /** The XML declaration, as StAX accepts it; anything else is left to StAX (to read or to refuse). */
    private void declaration() throws OutsideSubset {
        pos += 5;
        skipSpace();
        if (!pseudoAttribute("version").equals("1.0")) {
            throw new OutsideSubset("XML version other than 1.0");
        }
        boolean space = skipSpace();
        if (space && startsWith(pos, "encoding")) {
            if (!pseudoAttribute("encoding").equalsIgnoreCase("UTF-8")) {
                throw new OutsideSubset("declared encoding other than UTF-8");
            }
            space = skipSpace();
        }
        if (space && startsWith(pos, "standalone")) {
            String standalone = pseudoAttribute("standalone");
            if (!standalone.equals("yes") && !standalone.equals("no")) {
                throw new OutsideSubset("standalone neither yes nor no");
            }
            skipSpace();
        }
        if (!startsWith(pos, "?>")) {
            throw new OutsideSubset("unusual XML declaration");
        }
        pos += 2;
    }

    private String pseudoAttribute(String name) throws OutsideSubset {
        if (!startsWith(pos, name)) {
            throw new OutsideSubset("unusual XML declaration");
        }
        pos += name.length();
        skipSpace();
        if (at(pos) != '=') {
            throw new OutsideSubset("unusual XML declaration");
        }
        pos++;
        skipSpace();
        int quote = at(pos);
        if (quote != '"' && quote != '\'') {
            throw new OutsideSubset("unusual XML declaration");
        }
        int from = ++pos;
        while (pos < len && b[pos] != quote) {
            if (b[pos] < 0x20) {
                throw new OutsideSubset("unusual XML declaration");
            }
            pos++;
        }
        if (pos >= len) {
            throw new OutsideSubset("unusual XML declaration");
        }
        String value = ascii(from, pos);
        pos++;
        return value;
    }

    private void rootElement() throws OnvifException, OutsideSubset {
        startTag();
        while (depth > 0) {
            if (pos >= len) {
                throw malformed("element <" + qname(depth - 1) + "> is not closed");
            }
            if (b[pos] != '<') {
                text();
                continue;
            }
            int next = at(pos + 1);
            if (next == '/') {
                endTag();
            } else if (next == '?') {
                processingInstruction();
            } else if (startsWith(pos, "<!--")) {
                comment();
            } else if (startsWith(pos, "<![CDATA[")) {
                cdata();
            } else if (next == '!') {
                throw malformed("markup declaration inside an element");
            } else {
                startTag();
            }
        }
    }

    private void startTag() throws OnvifException, OutsideSubset {
        int nameFrom = ++pos;
        int nameTo = name(nameFrom);
        int colon = qnameColon(nameFrom, nameTo);
        pos = nameTo;
        attrCount = 0;
        boolean selfClosing;
        while (true) {
            boolean space = skipSpace();
            int c = at(pos);
            if (c == '>') {
                pos++;
                selfClosing = false;
                break;
            }
            if (c == '/' && at(pos + 1) == '>') {
                pos += 2;
                selfClosing = true;
                break;
            }
            if (c < 0) {
                throw malformed("start tag <" + ascii(nameFrom, nameTo) + "> is not closed");
            }
            if (!space) {
                throw malformed("white space expected before an attribute in <" + ascii(nameFrom, nameTo) + ">");
            }
            if (attrCount == MAX_ATTRIBUTES) {
                throw malformed("more than " + MAX_ATTRIBUTES + " attributes in <" + ascii(nameFrom, nameTo) + ">");
            }
            attribute();
        }
        int mark = namespaces.mark();
        declareNamespaces();
        String namespace = resolve(nameFrom, colon, true);
        tree.start(namespace, ascii(colon < 0 ? nameFrom : colon + 1, nameTo), attributes());
        push(nameFrom, nameTo, mark);
        if (selfClosing) {
            close();
        }
    }

    private void attribute() throws OnvifException, OutsideSubset {
        int from = pos;
        int to = name(from);
        int colon = qnameColon(from, to);
        pos = to;
        skipSpace();
        if (at(pos) != '=') {
            throw malformed("'=' expected after attribute " + ascii(from, to));
        }
        pos++;
        skipSpace();
        int quote = at(pos);
        if (quote != '"' && quote != '\'') {
            throw malformed("quoted value expected for attribute " + ascii(from, to));
        }
        pos++;
        String value = attributeValue(quote);
        int hash = hash(from, to);
        for (int i = 0; i < attrCount; i++) {
            // the hash first: answers declare dozens of namespaces on their root, so this loop is quadratic
            if (attrHash[i] == hash && sameBytes(attrFrom[i], attrTo[i], from, to)) {
                throw malformed("attribute " + ascii(from, to) + " repeated");
            }
        }
        if (attrCount == attrFrom.length) {
            attrFrom = Arrays.copyOf(attrFrom, attrCount * 2);
            attrTo = Arrays.copyOf(attrTo, attrCount * 2);
            attrColon = Arrays.copyOf(attrColon, attrCount * 2);
            attrValue = Arrays.copyOf(attrValue, attrCount * 2);
            attrHash = Arrays.copyOf(attrHash, attrCount * 2);
        }
        attrHash[attrCount] = hash;
        attrFrom[attrCount] = from;
        attrTo[attrCount] = to;
        attrColon[attrCount] = colon;
        attrValue[attrCount++] = value;
    }

    /** Attribute value normalisation without a DTD: references replaced, each tab and line end a space. */
    private String attributeValue(int quote) throws OnvifException {
        int plain = plainRun(pos, quote, false);
        if (at(plain) == quote) {
            // the usual case, nothing to replace: straight from the bytes
            String value = ascii(pos, plain);
            pos = plain + 1;
            return value;
        }
        TextBuffer out = attributeText;
        while (true) {
            int run = plainRun(pos, quote, false);
            out.appendAscii(b, pos, run);
            pos = run;
            if (pos >= len) {
                throw malformed("attribute value is not closed");
            }
            int c = b[pos] & 0xff;
            if (c == quote) {
                pos++;
                return out.cut(0);
            }
            switch (c) {
                case '<' -> throw malformed("'<' in an attribute value");
                case '&' -> reference(out);
                case '\t', '\n' -> {
                    out.append(' ');
                    pos++;
                }
                case '\r' -> {
                    out.append(' ');
                    pos += at(pos + 1) == '\n' ? 2 : 1;
                }
                default -> character(out);
            }
        }
    }

    /** Binds this start tag's xmlns and xmlns:p attributes, before any name of the tag is resolved. */
    private void declareNamespaces() throws OnvifException, OutsideSubset {
        for (int i = 0; i < attrCount; i++) {
            int colon = attrColon[i];
            if (!isNamespaceDeclaration(attrFrom[i], attrTo[i], colon)) {
                continue;
            }
            String uri = attrValue[i];
            if (uri.equals(XmlNamespaces.XML_URI) || uri.equals(XmlNamespaces.XMLNS_URI)) {
                throw new OutsideSubset("a declaration of a reserved namespace");
            }
            if (namespaces.mark() == MAX_NAMESPACES_IN_SCOPE) {
                throw malformed("more than " + MAX_NAMESPACES_IN_SCOPE + " namespace declarations in scope");
            }
            if (colon < 0) {
                namespaces.declare("", uri);
                continue;
            }
            String prefix = ascii(colon + 1, attrTo[i]);
            if (prefix.equals("xml") || prefix.equals("xmlns")) {
                throw new OutsideSubset("a declaration of a reserved prefix");
            }
            if (uri.isEmpty()) {
                throw malformed("prefix " + prefix + " bound to an empty namespace");
            }
            namespaces.declare(prefix, uri);
        }
    }

    /** Attributes by local name, namespace declarations left out; a later one wins, as with StAX. */
    private Map<String, String> attributes() throws OnvifException, OutsideSubset {
        Map<String, String> out = null;
        for (int i = 0; i < attrCount; i++) {
            int from = attrFrom[i];
            int colon = attrColon[i];
            if (isNamespaceDeclaration(from, attrTo[i], colon)) {
                continue;
            }
            if (colon >= 0) {
                refuseSameExpandedName(i);
            }
            if (out == null) {
                out = new HashMap<>();
            }
            out.put(ascii(colon < 0 ? from : colon + 1, attrTo[i]), attrValue[i]);
        }
        return out == null ? Map.of() : out;
    }

    /** Two prefixed attributes with one local name may not share a namespace (xmlns:a="u" xmlns:b="u" a:x b:x). */
    private void refuseSameExpandedName(int i) throws OnvifException, OutsideSubset {
        String uri = resolve(attrFrom[i], attrColon[i], false);
        for (int j = 0; j < i; j++) {
            if (attrColon[j] >= 0 && sameBytes(attrColon[j], attrTo[j], attrColon[i], attrTo[i])
                    && !isNamespaceDeclaration(attrFrom[j], attrTo[j], attrColon[j])
                    && uri.equals(resolve(attrFrom[j], attrColon[j], false))) {
                throw malformed("attribute " + ascii(attrFrom[i], attrTo[i]) + " repeated in one namespace");
            }
        }
    }

    /** xmlns="…" or xmlns:p="…": a declaration, not an attribute. */
    private boolean isNamespaceDeclaration(int from, int to, int colon) {
        return XmlNamespaces.sameAscii("xmlns", b, from, colon < 0 ? to : colon);
    }

    /** The namespace URI of a name starting at {@code from}; unprefixed attributes have none. */
    private String resolve(int from, int colon, boolean element) throws OnvifException, OutsideSubset {
        if (colon < 0) {
            return element ? namespaces.uri(b, from, from) : "";
        }
        if (XmlNamespaces.sameAscii("xml", b, from, colon)) {
            if (element) {
                throw new OutsideSubset("an element in the xml namespace");
            }
            return XmlNamespaces.XML_URI;
        }
        if (XmlNamespaces.sameAscii("xmlns", b, from, colon)) {
            throw new OutsideSubset("an element in the xmlns namespace");
        }
        String uri = namespaces.uri(b, from, colon);
        if (uri == null) {
            throw malformed("namespace prefix " + ascii(from, colon) + " is not declared");
        }
        return uri;
    }

    private void endTag() throws OnvifException, OutsideSubset {
        int from = pos + 2;
        int to = from;
        while (to < len && b[to] >= 0 && NAME_CHAR[b[to]]) {
            to++;
        }
        int open = depth - 1;
        if (!sameBytes(openFrom[open], openTo[open], from, to)) {
            throw malformed("end tag </" + ascii(from, to) + "> does not close <" + qname(open) + ">");
        }
        pos = to;
        skipSpace();
        if (at(pos) != '>') {
            throw malformed("end tag </" + qname(open) + "> is not closed");
        }
        pos++;
        close();
    }

    private void push(int from, int to, int mark) {
        if (depth == openFrom.length) {
            openFrom = Arrays.copyOf(openFrom, depth * 2);
            openTo = Arrays.copyOf(openTo, depth * 2);
            openMark = Arrays.copyOf(openMark, depth * 2);
        }
        openFrom[depth] = from;
        openTo[depth] = to;
        openMark[depth++] = mark;
    }

    private void close() {
        depth--;
        namespaces.resetTo(openMark[depth]);
        tree.end();
    }

    /** Character data up to the next '<': references replaced, line ends normalised to '\n'. */
    private void text() throws OnvifException {
        TextBuffer out = tree.text();
        while (pos < len) {
            int run = plainRun(pos, ']', true);
            out.appendAscii(b, pos, run);
            pos = run;
            if (pos == len) {
                return;
            }
            int c = b[pos] & 0xff;
            switch (c) {
                case '<' -> {
                    return;
                }
                case '&' -> reference(out);
                case '\r' -> {
                    out.append('\n');
                    pos += at(pos + 1) == '\n' ? 2 : 1;
                }
                case ']' -> {
                    if (at(pos + 1) == ']' && at(pos + 2) == '>') {
                        throw malformed("']]>' outside a CDATA section");
                    }
                    out.append(']');
                    pos++;
                }
                default -> character(out);
            }
        }
    }

    /**
     * End of the run of ASCII bytes from {@code from} that are taken as they are: no markup, reference, line end or
     * check. Text stops at ']' (it may open "]]>") and keeps tabs and newlines; an attribute value stops at its
     * quote and turns them into spaces.
     */
    private int plainRun(int from, int stop, boolean keepsTabAndNewline) {
        int i = from;
        while (i < len) {
            int c = b[i];
            if (c < 0x20 ? !keepsTabAndNewline || c != '\n' && c != '\t' : c == '<' || c == '&' || c == stop) {
                break;
            }
            i++;
        }
        return i;
    }

    private void cdata() throws OnvifException {
        TextBuffer out = tree.text();
        pos += 9;
        while (true) {
            if (pos >= len) {
                throw malformed("CDATA section is not closed");
            }
            int c = b[pos];
            if (c == ']' && at(pos + 1) == ']' && at(pos + 2) == '>') {
                pos += 3;
                return;
            }
            if (c == '\r') {
                out.append('\n');
                pos += at(pos + 1) == '\n' ? 2 : 1;
            } else {
                character(out);
            }
        }
    }

    private void comment() throws OnvifException {
        pos += 4;
        while (true) {
            if (pos >= len) {
                throw malformed("comment is not closed");
            }
            if (b[pos] == '-' && at(pos + 1) == '-') {
                if (at(pos + 2) != '>') {
                    throw malformed("'--' inside a comment");
                }
                pos += 3;
                return;
            }
            character(null);
        }
    }

    private void processingInstruction() throws OnvifException, OutsideSubset {
        int from = pos + 2;
        int to = name(from);
        for (int i = from; i < to; i++) {
            if (b[i] == ':') {
                throw new OutsideSubset("a colon in a processing instruction target");
            }
        }
        if (to - from == 3 && (b[from] | 0x20) == 'x' && (b[from + 1] | 0x20) == 'm' && (b[from + 2] | 0x20) == 'l') {
            throw malformed("processing instruction target 'xml' is reserved");
        }
        pos = to;
        if (!startsWith(pos, "?>") && !skipSpace()) {
            throw malformed("white space expected after a processing instruction target");
        }
        while (!startsWith(pos, "?>")) {
            if (pos >= len) {
                throw malformed("processing instruction is not closed");
            }
            character(null);
        }
        pos += 2;
    }

    /**
     * One character at {@code pos}, checked: valid UTF-8 (shortest form, no surrogates, at most U+10FFFF) and a
     * character XML allows. Appended to {@code out} unless null (comments and processing instructions are dropped).
     */
    private void character(TextBuffer out) throws OnvifException {
        int c = b[pos] & 0xff;
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw malformed("character U+" + Integer.toHexString(c) + " is not allowed in XML");
            }
            if (out != null) {
                out.append((char) c);
            }
            pos++;
            return;
        }
        int cp;
        int n;
        int min;
        if (c >= 0xC2 && c <= 0xDF) {
            cp = c & 0x1F;
            n = 1;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            cp = c & 0x0F;
            n = 2;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            cp = c & 0x07;
            n = 3;
            min = 0x10000;
        } else {
            throw malformed("invalid UTF-8");
        }
        for (int i = 1; i <= n; i++) {
            int cont = at(pos + i);
            if ((cont & 0xC0) != 0x80) {
                throw malformed("invalid UTF-8");
            }
            cp = cp << 6 | cont & 0x3F;
        }
        if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
            throw malformed("invalid UTF-8");
        }
        if (cp == 0xFFFE || cp == 0xFFFF) {
            throw malformed("character U+" + Integer.toHexString(cp) + " is not allowed in XML");
        }
        if (out != null) {
            out.appendCodePoint(cp);
        }
        pos += n + 1;
    }

    /** A reference at '&amp;': the five predefined entities and character references; any other is refused. */
    private void reference(TextBuffer out) throws OnvifException {
        int from = pos + 1;
        if (at(from) == '#') {
            characterReference(out, from + 1);
            return;
        }
        int to = from;
        while (to < len && b[to] >= 0 && NAME_CHAR[b[to]]) {
            to++;
        }
        if (to == from || !NAME_START[b[from]]) {
            throw malformed("'&' not followed by a reference");
        }
        if (at(to) != ';') {
            throw malformed("reference &" + ascii(from, to) + " not closed by ';'");
        }
        char c = predefined(from, to);
        if (c == 0) {
            throw SafeXml.entityRefused(ascii(from, to));
        }
        out.append(c);
        pos = to + 1;
    }

    private char predefined(int from, int to) {
        if (XmlNamespaces.sameAscii("amp", b, from, to)) {
            return '&';
        }
        if (XmlNamespaces.sameAscii("lt", b, from, to)) {
            return '<';
        }
        if (XmlNamespaces.sameAscii("gt", b, from, to)) {
            return '>';
        }
        if (XmlNamespaces.sameAscii("quot", b, from, to)) {
            return '"';
        }
        return XmlNamespaces.sameAscii("apos", b, from, to) ? '\'' : 0;
    }

    private void characterReference(TextBuffer out, int from) throws OnvifException {
        boolean hex = at(from) == 'x';
        int i = hex ? from + 1 : from;
        int digitsFrom = i;
        long cp = 0;
        while (i < len) {
            int d = Character.digit(b[i], hex ? 16 : 10);
            if (d < 0 || b[i] < 0) {
                break;
            }
            // saturate: any value past Unicode is as invalid as one far past it
            cp = Math.min(cp * (hex ? 16 : 10) + d, 0x110000);
            i++;
        }
        if (i == digitsFrom || at(i) != ';') {
            throw malformed("malformed character reference");
        }
        if (!isXmlChar(cp)) {
            throw malformed("character reference to U+" + Long.toHexString(cp) + ", which XML does not allow");
        }
        out.appendCodePoint((int) cp);
        pos = i + 1;
    }

    private static boolean isXmlChar(long cp) {
        return cp == '\t' || cp == '\n' || cp == '\r' || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }

    /** End of the XML name at {@code from}; names with non-ASCII characters are StAX's to judge. */
    private int name(int from) throws OnvifException, OutsideSubset {
        int c = at(from);
        if (c >= 0x80) {
            throw new OutsideSubset("a non-ASCII name");
        }
        if (c < 0 || !NAME_START[c]) {
            throw malformed("name expected");
        }
        int i = from + 1;
        while (i < len) {
            c = b[i] & 0xff;
            if (c >= 0x80) {
                throw new OutsideSubset("a non-ASCII name");
            }
            if (!NAME_CHAR[c]) {
                break;
            }
            i++;
        }
        return i;
    }

    /** Where a qualified name's one colon is, or -1; names that are not prefix:local are StAX's to judge. */
    private int qnameColon(int from, int to) throws OutsideSubset {
        int colon = -1;
        for (int i = from; i < to; i++) {
            if (b[i] == ':') {
                if (colon >= 0 || i == from || i == to - 1 || !NAME_START[b[i + 1]]) {
                    throw new OutsideSubset("not a qualified name");
                }
                colon = i;
            }
        }
        return colon;
    }

    private boolean skipSpace() {
        int from = pos;
        while (pos < len && isSpace(b[pos])) {
            pos++;
        }
        return pos > from;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    /** The byte at {@code i} as 0..255, or -1 past the end. */
    private int at(int i) {
        return i < len ? b[i] & 0xff : -1;
    }

    private boolean startsWith(int from, String ascii) {
        return from + ascii.length() <= len && XmlNamespaces.sameAscii(ascii, b, from, from + ascii.length());
    }

    private int hash(int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }

    private boolean sameBytes(int aFrom, int aTo, int bFrom, int bTo) {
        return aTo - aFrom == bTo - bFrom && Arrays.equals(b, aFrom, aTo, b, bFrom, bTo);
    }

    private String ascii(int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private String qname(int open) {
        return ascii(openFrom[open], openTo[open]);
    }

    private OnvifException malformed(String why) {
        return new OnvifException(Reason.BAD_RESPONSE, "malformed XML: " + why + " (byte " + pos + ")");
    }
}
