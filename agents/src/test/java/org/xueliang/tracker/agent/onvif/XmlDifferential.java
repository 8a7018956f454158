package org.xueliang.tracker.agent.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.xueliang.tracker.agent.probe.Reason;

/**
 * Holds {@link SafeXml#parse} to the StAX reader it replaced: for any bytes, the same {@link XmlNode} tree, or
 * both refuse with BAD_RESPONSE. Anything but an {@link OnvifException} from either is a failure.
 */
final class XmlDifferential {

    /** How a document went: read by the fast reader, handed to StAX, or refused by both. */
    enum Path { FAST, STAX, REFUSED }

    private XmlDifferential() {
    }

    /** Asserts agreement and says which path the document took. */
    static Path assertAgree(String label, byte[] raw) {
        XmlNode stax = readOrNull(label + " (StAX)", () -> SafeXml.parseWithStax(raw));
        XmlNode fast = readOrNull(label + " (SafeXml)", () -> SafeXml.parse(raw));
        assertThat(fast).as("%s: SafeXml.parse against StAX", label).isEqualTo(stax);
        if (stax == null) {
            return Path.REFUSED;
        }
        return deferredToStax(raw) ? Path.STAX : Path.FAST;
    }

    /** True when the fast reader leaves the document to StAX. */
    static boolean deferredToStax(byte[] raw) {
        try {
            Utf8XmlReader.read(SafeXml.prepared(raw));
            return false;
        } catch (Utf8XmlReader.OutsideSubset e) {
            return true;
        } catch (OnvifException e) {
            return false;
        }
    }

    private static XmlNode readOrNull(String label, Read read) {
        try {
            return read.read();
        } catch (OnvifException e) {
            assertThat(e.reason()).as("%s: %s", label, e.getMessage()).isEqualTo(Reason.BAD_RESPONSE);
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            return fail(label + " threw " + e, e);
        }
    }

    @FunctionalInterface
    private interface Read {
        XmlNode read() throws OnvifException;
    }
}
