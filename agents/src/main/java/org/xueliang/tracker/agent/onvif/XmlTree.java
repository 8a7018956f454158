package org.xueliang.tracker.agent.onvif;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.xueliang.tracker.agent.probe.Reason;

/**
 * Assembles {@link XmlNode}s from start/text/end events and enforces the element limits. Shared by both readers
 * ({@link Utf8XmlReader} and {@link StaxXml}) so that the tree shape and the limits cannot drift apart.
 *
 * <p>Open elements live in parallel arrays, their text in one shared buffer and their finished children on one
 * shared stack: an element's text and children always sit at the end of those (a child's are cut off when it
 * closes), so a document costs a few arrays instead of a builder, a list and a deque entry per element.
 */
final class XmlTree {

    private final TextBuffer text = new TextBuffer();
    private XmlNode[] finished = new XmlNode[32];
    private int finishedCount;
    private String[] namespaces = new String[16];
    private String[] localNames = new String[16];
    private Map<?, ?>[] attributes = new Map<?, ?>[16];
    private int[] textStart = new int[16];
    private int[] childStart = new int[16];
    private int depth;
    private XmlNode root;
    private int elements;

    /** Opens an element; refuses the document past {@link SafeXml#MAX_DEPTH} or {@link SafeXml#MAX_ELEMENTS}. */
    void start(String namespace, String localName, Map<String, String> attrs) throws OnvifException {
        if (++elements > SafeXml.MAX_ELEMENTS || depth >= SafeXml.MAX_DEPTH) {
            throw new OnvifException(Reason.BAD_RESPONSE, "XML too deep or too many elements");
        }
        if (depth == namespaces.length) {
            int n = depth * 2;
            namespaces = Arrays.copyOf(namespaces, n);
            localNames = Arrays.copyOf(localNames, n);
            attributes = Arrays.copyOf(attributes, n);
            textStart = Arrays.copyOf(textStart, n);
            childStart = Arrays.copyOf(childStart, n);
        }
        namespaces[depth] = namespace;
        localNames[depth] = localName;
        attributes[depth] = attrs;
        textStart[depth] = text.length();
        childStart[depth++] = finishedCount;
    }

    /** Text of the innermost open element, or null outside the root (where text is not kept). */
    TextBuffer text() {
        return depth == 0 ? null : text;
    }

    @SuppressWarnings("unchecked")
    void end() {
        int d = --depth;
        XmlNode done = new XmlNode(namespaces[d], localNames[d], Map.copyOf((Map<String, String>) attributes[d]),
                text.cut(textStart[d]), children(childStart[d]));
        attributes[d] = null;
        if (d == 0) {
            root = done;
            return;
        }
        if (finishedCount == finished.length) {
            finished = Arrays.copyOf(finished, finishedCount * 2);
        }
        finished[finishedCount++] = done;
    }

    /** The finished children from {@code from} on, taken off the stack. */
    private List<XmlNode> children(int from) {
        int n = finishedCount - from;
        List<XmlNode> children = switch (n) {
            case 0 -> List.of();
            case 1 -> List.of(finished[from]);
            case 2 -> List.of(finished[from], finished[from + 1]);
            default -> List.of(Arrays.copyOfRange(finished, from, finishedCount));
        };
        Arrays.fill(finished, from, finishedCount, null);
        finishedCount = from;
        return children;
    }

    XmlNode root() throws OnvifException {
        if (root == null) {
            throw new OnvifException(Reason.BAD_RESPONSE, "no XML element in the body");
        }
        return root;
    }
}
