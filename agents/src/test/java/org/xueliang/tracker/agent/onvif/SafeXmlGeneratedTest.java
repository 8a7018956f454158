package org.xueliang.tracker.agent.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A generated corpus ({@link GeneratedXml}): the fast reader reads every document itself, to the tree StAX gives;
 * broken copies (one hostile or malformed piece spliced in) are refused by both or read the same by both.
 */
class SafeXmlGeneratedTest {

    private static final int DOCUMENTS = 3_000;
    private static final String[] BREAKERS = {"&x;", "&#0;", "&#xD800;", "&#xFFFE;", "&#65", "& ", "]]>", "<!-- a--b -->",
            "\u0001", "<u:x/>", "</nope>", "<", "<!DOCTYPE x>", "<?xml version=\"1.0\"?>", "<a b='1' b='2'/>", "<1/>",
            "<a x=1/>", "<a x=\"<\"/>", "<a xmlns:p=\"\"/>", "<a:b:c/>", "<![CDATA[", "<!-->", "<?xml x?>"};

    @Test
    void generated_documents_read_the_same_and_without_stax() {
        Random random = new Random(20261207);
        for (int i = 0; i < DOCUMENTS; i++) {
            byte[] doc = GeneratedXml.document(random);
            String label = "generated #" + i + ": " + new String(doc, StandardCharsets.UTF_8);
            assertThat(XmlDifferential.assertAgree(label, doc)).as(label).isEqualTo(XmlDifferential.Path.FAST);
        }
    }

    @Test
    void broken_generated_documents_get_the_same_answer() {
        Random random = new Random(7);
        int refused = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            byte[] doc = GeneratedXml.document(random);
            String breaker = BREAKERS[random.nextInt(BREAKERS.length)];
            byte[] broken = splice(doc, random.nextInt(doc.length + 1), breaker.getBytes(StandardCharsets.UTF_8));
            String label = "broken #" + i + ": " + new String(broken, StandardCharsets.UTF_8);
            if (XmlDifferential.assertAgree(label, broken) == XmlDifferential.Path.REFUSED) {
                refused++;
            }
        }
        assertThat(refused).as("broken documents refused").isGreaterThan(DOCUMENTS / 2);
    }

    static byte[] splice(byte[] doc, int at, byte[] piece) {
        byte[] out = new byte[doc.length + piece.length];
        System.arraycopy(doc, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(doc, at, out, at + piece.length, doc.length - at);
        return out;
    }
}
