package org.xueliang.tracker.agent.onvif;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.xueliang.tracker.agent.probe.Reason;

/**
 * The JDK's StAX (Xerces) reader, hardened: no DTD support, no external entities, no entity replacement. Reads
 * the documents {@link Utf8XmlReader} leaves out (other encodings, XML 1.1, non-ASCII names) and is the reference
 * the differential tests and the benchmark compare the fast reader with.
 */
final class StaxXml {

    private static final XMLInputFactory FACTORY = newFactory();

    private StaxXml() {
    }

    private static XMLInputFactory newFactory() {
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

    /** Reads a document already checked for size and stripped of a false UTF-16 declaration. */
    static XmlNode read(byte[] doc) throws OnvifException {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(doc));
            XmlTree tree = new XmlTree();
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.DTD -> throw new OnvifException(Reason.BAD_RESPONSE, SafeXml.DOCTYPE_REFUSED);
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw SafeXml.entityRefused(r.getLocalName());
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attrs = new HashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        String ns = r.getNamespaceURI();
                        tree.start(ns == null ? "" : ns, r.getLocalName(), attrs);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        TextBuffer text = tree.text();
                        if (text != null) {
                            text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> tree.end();
                    default -> {
                    }
                }
            }
            return tree.root();
        } catch (XMLStreamException e) {
            throw new OnvifException(Reason.BAD_RESPONSE, "malformed XML: " + SafeXml.firstLine(e.getMessage()), e);
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
}
