package org.xueliang.tracker.agent.onvif;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small read-only element tree. ONVIF vendors use every prefix and several namespace versions,
 * so lookups go by local name; the namespace is kept for the few places that need it (media1 vs media2).
 */
public record XmlNode(String namespace, String localName, Map<String, String> attributes, String text,
                      List<XmlNode> children) {

    public Optional<XmlNode> child(String local) {
        for (XmlNode c : children) {
            if (c.localName.equals(local)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public List<XmlNode> childrenNamed(String local) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.localName.equals(local)) {
                out.add(c);
            }
        }
        return out;
    }

    /** First element with this local name in document order below this one (depth first). */
    public Optional<XmlNode> find(String local) {
        for (XmlNode c : children) {
            if (c.localName.equals(local)) {
                return Optional.of(c);
            }
            Optional<XmlNode> deeper = c.find(local);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }

    /** Trimmed text of the first descendant with this local name, or empty. */
    public Optional<String> findText(String local) {
        return find(local).map(n -> n.text.trim());
    }

    /** Follows a path of local names through direct children. */
    public Optional<XmlNode> path(String... locals) {
        XmlNode n = this;
        for (String l : locals) {
            Optional<XmlNode> next = n.child(l);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            n = next.get();
        }
        return Optional.of(n);
    }

    public String attribute(String local) {
        return attributes.get(local);
    }
}
