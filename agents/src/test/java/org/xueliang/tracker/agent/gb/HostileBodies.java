package org.xueliang.tracker.agent.gb;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A catalogue of MANSCDP bodies a hostile or broken device could send, each one the codec must refuse with a
 * {@link ManscdpException}: external entities and DTDs naming {@code url} (a canary the caller watches), entity
 * expansion, every bound, charsets that lie. Shared through the agents test-jar: the codec's own tests, the security
 * suite's {@code fuzz} group and the SIP layer's tests replay the same documents.
 */
public final class HostileBodies {

    private HostileBodies() {
    }

    /** Name (what the attack is) → body; {@code url} is what every external reference names. */
    public static Map<String, byte[]> all(String url) {
        Map<String, byte[]> bodies = new LinkedHashMap<>(external(url));
        bodies.putAll(bounded());
        return bodies;
    }

    /** The bodies that name {@code url}: if any of them reached it, the parser fetched an external resource. */
    public static Map<String, byte[]> external(String url) {
        Map<String, byte[]> b = new LinkedHashMap<>();
        b.put("external entity (XXE) in a GB2312 keepalive", gb("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n"
                + "<!DOCTYPE Notify [<!ENTITY x SYSTEM \"" + url + "\">]>\r\n<Notify><CmdType>Keepalive</CmdType>"
                + "<SN>1</SN><DeviceID>&x;</DeviceID><Status>OK</Status></Notify>"));
        b.put("external entity (XXE) as the CmdType", utf8("<!DOCTYPE Notify [<!ENTITY x SYSTEM \"" + url + "\">]>"
                + "<Notify><CmdType>&x;</CmdType></Notify>"));
        b.put("external DTD (SYSTEM)", utf8("<!DOCTYPE Notify SYSTEM \"" + url + "\"><Notify><CmdType>Keepalive</CmdType></Notify>"));
        b.put("external DTD (PUBLIC)", utf8("<!DOCTYPE Notify PUBLIC \"-//GB//MANSCDP\" \"" + url + "\">"
                + "<Notify><CmdType>Keepalive</CmdType></Notify>"));
        b.put("external parameter entity", utf8("<!DOCTYPE Notify [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]>"
                + "<Notify><CmdType>Keepalive</CmdType></Notify>"));
        return b;
    }

    /** Bodies that would cost memory or time without bounds, or that are not in the charset they claim. */
    public static Map<String, byte[]> bounded() {
        Map<String, byte[]> b = new LinkedHashMap<>();
        StringBuilder laughs = new StringBuilder("<!DOCTYPE Notify [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        b.put("entity expansion (billion laughs)", utf8(laughs + "]><Notify><CmdType>Keepalive</CmdType>"
                + "<DeviceID>&l10;</DeviceID></Notify>"));
        b.put("quadratic entity blow-up", utf8("<!DOCTYPE Notify [<!ENTITY a \"" + "a".repeat(50_000) + "\">]>"
                + "<Notify><CmdType>Keepalive</CmdType><DeviceID>" + "&a;".repeat(10_000) + "</DeviceID></Notify>"));
        b.put("an internal DOCTYPE", utf8("<!DOCTYPE Notify><Notify><CmdType>Keepalive</CmdType></Notify>"));
        b.put("an undeclared entity", utf8("<Notify><CmdType>Keepalive</CmdType><Status>&x;</Status></Notify>"));
        b.put("nesting 100,000 deep", utf8("<Response><CmdType>Catalog</CmdType>" + "<Info>".repeat(100_000) + "x"
                + "</Info>".repeat(100_000) + "</Response>"));
        b.put("a body over " + Manscdp.MAX_BYTES + " bytes", utf8("<Notify><CmdType>Keepalive</CmdType><Name>"
                + "a".repeat(Manscdp.MAX_BYTES) + "</Name></Notify>"));
        b.put("a text over " + Manscdp.MAX_TEXT + " characters", utf8("<Notify><CmdType>Keepalive</CmdType><Name>"
                + "字".repeat(Manscdp.MAX_TEXT + 1) + "</Name></Notify>"));
        b.put("more than " + Manscdp.MAX_ITEMS + " items", utf8("<Response><CmdType>Catalog</CmdType><DeviceList>"
                + "<Item/>".repeat(Manscdp.MAX_ITEMS + 1) + "</DeviceList></Response>"));
        b.put("a charset that does not exist", utf8("<?xml version=\"1.0\" encoding=\"x-gb-fake\"?><Notify><CmdType>"
                + "Keepalive</CmdType></Notify>"));
        b.put("GB18030 bytes declared UTF-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Notify><CmdType>Keepalive"
                .concat("</CmdType><Name>稷山县</Name></Notify>").getBytes(Charset.forName("GB18030")));
        b.put("a truncated document", utf8("<?xml version=\"1.0\"?><Notify><CmdType>Keepalive</CmdType><SN>1"));
        b.put("an SN beyond a long", utf8("<Notify><CmdType>Keepalive</CmdType><SN>99999999999999999999</SN></Notify>"));
        return b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gb(String s) {
        return s.getBytes(Charset.forName("GB18030"));
    }
}
