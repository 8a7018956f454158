package org.xueliang.tracker.agent.onvif;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.xueliang.tracker.agent.probe.Reason;

/**
 * Assembles {@link XmlNode}s from start/text/end events and enforces the element limits. Shared by both readers
 * ({@link Utf8XmlReader} and {@link StaxXml}) so that the tree shape and the limits cannot drift apart.
 */
final class XmlTree {

    private final Deque<Element> open = new ArrayDeque<>();
    private XmlNode root;
    private int elements;

    /** Opens an element; refuses the document past {@link SafeXml#MAX_DEPTH} or {@link SafeXml#MAX_ELEMENTS}. */
    void start(String namespace, String localName, Map<String, String> attributes) throws OnvifException {
        if (++elements > SafeXml.MAX_ELEMENTS || open.size() >= SafeXml.MAX_DEPTH) {
            throw new OnvifException(Reason.BAD_RESPONSE, "XML too deep or too many elements");
        }
        open.push(new Element(namespace, localName, attributes));
    }

    /** Text of the innermost open element, or null outside the root (where text is not kept). */
    StringBuilder text() {
        Element e = open.peek();
        return e == null ? null : e.text;
    }

    void end() {
        XmlNode done = open.pop().build();
        if (open.isEmpty()) {
            root = done;
        } else {
            open.peek().children.add(done);
        }
    }

    XmlNode root() throws OnvifException {
        if (root == null) {
            throw new OnvifException(Reason.BAD_RESPONSE, "no XML element in the body");
        }
        return root;
    }

    private static final class Element {
        final String namespace;
        final String localName;
        final Map<String, String> attributes;
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();

        Element(String namespace, String localName, Map<String, String> attributes) {
            this.namespace = namespace;
            this.localName = localName;
            this.attributes = attributes;
        }

        XmlNode build() {
            return new XmlNode(namespace, localName, Map.copyOf(attributes), text.toString(), List.copyOf(children));
        }
    }
}
