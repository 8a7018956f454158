package org.xueliang.tracker.agent.onvif;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.fuzz.Corpus;
import org.xueliang.tracker.fuzz.FuzzSuite;
import org.xueliang.tracker.fuzz.Mutator;

/**
 * Fuzzes what the agent does with a camera's SOAP answer: {@link Soap#body} (HTML pages, faults, envelopes) and then
 * every {@link OnvifResponses} reader on the body, as the ONVIF prober would. A camera is untrusted input: the only
 * acceptable failure is an {@link OnvifException} (which the prober turns into a DOWN/DEGRADED result).
 * Seeds: fuzz/onvif-soap plus the recordings of ../shared/testdata/onvif when present (read in place).
 */
class OnvifSoapFuzzTest {

    /** 200 reads the body; 401 takes the authentication paths (HTML pages, faults under 401). */
    private static final int[] STATUSES = {200, 401};
    private static final Mutator MUTATOR = Mutator.withTokens("<s:Body>", "</s:Body>", "<s:Fault>", "</tt:Hour>",
            "<tt:Year>", "<tt:Month>13</tt:Month>", "<tt:Day>0</tt:Day>", "<tt:Hour>-1</tt:Hour>", "<tt:TZ>",
            "CST-8", "<+0530>-5:30", "UTC+99:99", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "&a;", "<![CDATA[x]]>",
            "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"",
            "<tds:XAddr>", "<tds:Namespace>http://www.onvif.org/ver10/media/wsdl</tds:Namespace>", "token=\"\"",
            "<trt:Profiles>", "<tt:Uri>", "<s:Subcode><s:Value>ter:NotAuthorized</s:Value></s:Subcode>", "<html>");

    @Test
    void soap_answers_fail_only_as_onvif_exceptions() {
        List<byte[]> seeds = new ArrayList<>(Corpus.of("onvif-soap"));
        seeds.addAll(Corpus.external("onvif-soap", Path.of(System.getProperty("xl.testdata", "../../shared/testdata"), "onvif"),
                p -> p.toString().endsWith(".xml")));
        FuzzSuite.of("onvif-soap", 15_000, random -> MUTATOR.mutate(random, seeds, 4))
                .bytesOf(b -> b)
                .timeoutMillis(5_000)
                .maxAllocatedMegabytes(64)
                .firstVerbatim(seeds)
                .run(raw -> {
                    for (int status : STATUSES) {
                        readAsProber(raw, status);
                    }
                });
    }

    private static void readAsProber(byte[] raw, int status) {
        XmlNode body;
        try {
            body = Soap.body(raw, status);
        } catch (OnvifException refused) {
            return;
        }
        for (Reader reader : new Reader[] {OnvifResponses::systemDateAndTime, OnvifResponses::deviceInformation,
                OnvifResponses::services, OnvifResponses::capabilities, OnvifResponses::profiles,
                OnvifResponses::snapshotUri}) {
            try {
                reader.read(body);
            } catch (OnvifException refused) {
                // the documented failure: a result with a reason, not a crash
            }
        }
        body.findText("TZ").ifPresent(OnvifResponses::posixOffset);
    }

    @FunctionalInterface
    private interface Reader {
        Object read(XmlNode body) throws OnvifException;
    }
}
