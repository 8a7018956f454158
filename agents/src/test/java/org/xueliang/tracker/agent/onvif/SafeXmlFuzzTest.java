package org.xueliang.tracker.agent.onvif;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.fuzz.Corpus;
import org.xueliang.tracker.fuzz.FuzzSuite;
import org.xueliang.tracker.fuzz.Mutator;

/**
 * Random mutations of device answers (fuzz/onvif-soap, the recordings of testdata/onvif when present, generated
 * documents) fed to {@link SafeXml#parse}: the only failure allowed is an {@link OnvifException}, and the answer
 * must be StAX's (same tree, or both refuse), so a mutation cannot find a document the two readers disagree on.
 */
class SafeXmlFuzzTest {

    private static final Mutator MUTATOR = Mutator.withTokens("<!DOCTYPE x [<!ENTITY a \"b\">]>", "&a;", "&#0;", "&#x110000;",
            "&#xD800;", "&#65", "<![CDATA[", "]]>", "<!--", "-->", "--", "<?xml version=\"1.0\"?>", "<?xml version=\"1.1\"?>",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "<?pi x?>", "xmlns=\"\"", "xmlns:s=\"\"", "xmlns:p=\"urn:p\"",
            "p:", "<p:x>", "</p:x>", "/>", "</", "xml:lang=\"en\"", "xmlns:xml=\"urn:x\"", "\u00e9", "\u00b7", "\r\n",
            "\u00ef\u00bb\u00bf", "=\"", "='", "<a", "<a>", "</a>");

    @Test
    void mutated_answers_fail_only_as_onvif_exceptions_and_as_stax_does() {
        List<byte[]> seeds = new ArrayList<>(Corpus.of("onvif-soap"));
        seeds.addAll(Corpus.external("safe-xml", Path.of(System.getProperty("xl.testdata", "../../shared/testdata"), "onvif"),
                p -> p.toString().endsWith(".xml")));
        Random generator = new Random(11);
        for (int i = 0; i < 50; i++) {
            seeds.add(GeneratedXml.document(generator));
        }
        FuzzSuite.of("safe-xml", 10_000, random -> MUTATOR.mutate(random, seeds, 4))
                .bytesOf(b -> b)
                .timeoutMillis(5_000)
                .maxAllocatedMegabytes(64)
                .firstVerbatim(seeds)
                .run(raw -> XmlDifferential.assertAgree("mutated answer", raw));
    }
}
