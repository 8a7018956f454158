package org.xueliang.tracker.agent.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xueliang.tracker.agent.probe.Reason;

class SafeXmlTest {

    private static final String ENV_START = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
            + "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"><s:Body><tds:GetDeviceInformationResponse>";
    private static final String ENV_END = "</tds:GetDeviceInformationResponse></s:Body></s:Envelope>";

    @Test
    void refuses_a_doctype_with_an_external_entity_pointing_at_a_local_file(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + ENV_START + "<tds:Manufacturer>&x;</tds:Manufacturer>" + ENV_END;
        assertThatThrownBy(() -> Soap.body(xxe.getBytes(StandardCharsets.UTF_8), 200))
                .isInstanceOfSatisfying(OnvifException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE);
                    assertThat(e.getMessage()).doesNotContain("TOP-SECRET");
                });
    }

    @Test
    void refuses_entity_expansion_bombs() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + ENV_START + "<tds:Model>&b;</tds:Model>" + ENV_END;
        assertThatThrownBy(() -> SafeXml.parse(bomb.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(OnvifException.class).hasMessageContaining("refused");
    }

    @Test
    void refuses_an_oversized_body_before_parsing() {
        byte[] big = new byte[SafeXml.MAX_BYTES + 1];
        assertThatThrownBy(() -> SafeXml.parse(big)).isInstanceOf(OnvifException.class).hasMessageContaining("exceeds");
    }

    @Test
    void refuses_absurd_nesting() {
        String deep = "<a>".repeat(SafeXml.MAX_DEPTH + 1) + "</a>".repeat(SafeXml.MAX_DEPTH + 1);
        assertThatThrownBy(() -> SafeXml.parse(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(OnvifException.class).hasMessageContaining("too deep");
    }

    @Test
    void keeps_predefined_entities_and_character_references() throws Exception {
        String xml = ENV_START + "<tds:Manufacturer>A&amp;B &#x4E2D;</tds:Manufacturer>" + ENV_END;
        XmlNode body = Soap.body(xml.getBytes(StandardCharsets.UTF_8), 200);
        assertThat(OnvifResponses.deviceInformation(body).manufacturer()).isEqualTo("A&B 中");
    }

    @Test
    void matches_elements_by_local_name_whatever_the_prefix_or_namespace() throws Exception {
        String odd = "<E:Envelope xmlns:E=\"http://schemas.xmlsoap.org/soap/envelope/\"><E:Body>"
                + "<x:GetDeviceInformationResponse xmlns:x=\"urn:vendor\"><Manufacturer>Odd</Manufacturer>"
                + "<y:Model xmlns:y=\"urn:other\">M</y:Model></x:GetDeviceInformationResponse></E:Body></E:Envelope>";
        var di = OnvifResponses.deviceInformation(Soap.body(odd.getBytes(StandardCharsets.UTF_8), 200));
        assertThat(di.manufacturer()).isEqualTo("Odd");
        assertThat(di.model()).isEqualTo("M");
    }

    @Test
    void refuses_billion_laughs_at_the_doctype_without_expanding_anything() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?><!-- hello -->" + dtd + "]><lolz>&lol9;</lolz>";
        assertRefusedByTheFastReader(bomb, SafeXml.DOCTYPE_REFUSED);
        assertRefusedByTheFastReader("<!DOCTYPE a SYSTEM \"http://127.0.0.1:1/a.dtd\"><a/>", SafeXml.DOCTYPE_REFUSED);
    }

    @Test
    void refuses_every_entity_but_the_five_predefined_ones() {
        assertRefusedByTheFastReader(ENV_START + "<tds:Model>&xxe;</tds:Model>" + ENV_END, "entity reference &xxe; refused");
        assertRefusedByTheFastReader("<a b=\"&ext;\"/>", "entity reference &ext; refused");
        assertRefusedByTheFastReader("<a>&amp</a>", "not closed by ';'");
        assertRefusedByTheFastReader("<a>& b</a>", "'&' not followed by a reference");
    }

    @Test
    void refuses_character_references_to_characters_xml_does_not_allow() {
        for (String ref : new String[] {"&#0;", "&#x0;", "&#8;", "&#xD800;", "&#xDFFF;", "&#xFFFE;", "&#x110000;",
                "&#99999999999999999999;"}) {
            assertRefusedByTheFastReader("<a>" + ref + "</a>", "character reference to U+");
        }
        for (String ref : new String[] {"&#65", "&#;", "&#x;", "&#X41;", "&#-1;", "&#x4G;"}) {
            assertRefusedByTheFastReader("<a>" + ref + "</a>", "malformed character reference");
        }
    }

    @Test
    void refuses_unclosed_and_mismatched_tags() {
        assertRefusedByTheFastReader("<a><b></a>", "end tag </a> does not close <b>");
        assertRefusedByTheFastReader("<s:a xmlns:s=\"urn:s\"></a>", "end tag </a> does not close <s:a>");
        assertRefusedByTheFastReader("<a><b/>", "element <a> is not closed");
        assertRefusedByTheFastReader("<a b=\"1\"", "start tag <a> is not closed");
        assertRefusedByTheFastReader("<a b=\"1/>", "attribute value is not closed");
        assertRefusedByTheFastReader("<a><!-- x </a>", "comment is not closed");
        assertRefusedByTheFastReader("<a><![CDATA[x</a>", "CDATA section is not closed");
        assertRefusedByTheFastReader("<a/><b/>", "markup after the root element");
        assertRefusedByTheFastReader("<a/>text", "content after the root element");
        assertRefusedByTheFastReader("  ", "no XML element");
    }

    @Test
    void refuses_undeclared_prefixes_and_repeated_attributes() {
        assertRefusedByTheFastReader("<p:a/>", "namespace prefix p is not declared");
        assertRefusedByTheFastReader("<a p:x=\"1\"/>", "namespace prefix p is not declared");
        assertRefusedByTheFastReader("<a><p:b xmlns:p=\"urn:p\"/><p:c/></a>", "namespace prefix p is not declared");
        assertRefusedByTheFastReader("<a x=\"1\" x='2'/>", "attribute x repeated");
        assertRefusedByTheFastReader("<a xmlns:p=\"u\" xmlns:q=\"u\" p:x=\"1\" q:x=\"2\"/>", "repeated in one namespace");
        assertRefusedByTheFastReader("<a xmlns:p=\"\"/>", "bound to an empty namespace");
    }

    @Test
    void refuses_what_xml_forbids_in_text_comments_and_names() {
        assertRefusedByTheFastReader("<a>x]]>y</a>", "']]>' outside a CDATA section");
        assertRefusedByTheFastReader("<a><!-- a -- b --></a>", "'--' inside a comment");
        assertRefusedByTheFastReader("<a>\u0001</a>", "U+1 is not allowed");
        assertRefusedByTheFastReader("<a><?xml version=\"1.0\"?></a>", "target 'xml' is reserved");
        assertRefusedByTheFastReader("<a x=\"<\"/>", "'<' in an attribute value");
        assertRefusedByTheFastReader("<a x=1/>", "quoted value expected");
        assertRefusedByTheFastReader("<a x=\"1\"y=\"2\"/>", "white space expected before an attribute");
        assertRefusedByTheFastReader("<1a/>", "name expected");
        byte[] overlongLt = {'<', 'a', '>', (byte) 0xC0, (byte) 0xBC, '<', '/', 'a', '>'};
        byte[] surrogate = {'<', 'a', '>', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '<', '/', 'a', '>'};
        byte[] truncated = {'<', 'a', '>', (byte) 0xE4, (byte) 0xB8};
        for (byte[] bad : new byte[][] {overlongLt, surrogate, truncated}) {
            assertThatThrownBy(() -> Utf8XmlReader.read(bad)).isInstanceOf(OnvifException.class).hasMessageContaining("invalid UTF-8");
        }
    }

    @Test
    void refuses_depth_and_element_bombs_without_recursing() {
        String depthBomb = "<a>".repeat(200_000);
        assertRefusedByTheFastReader(depthBomb, "too deep");
        String wide = "<a>" + "<b/>".repeat(SafeXml.MAX_ELEMENTS) + "</a>";
        assertRefusedByTheFastReader(wide, "too many elements");
    }

    @Test
    void bounds_attributes_and_namespace_declarations_that_stax_would_check_quadratically() throws Exception {
        StringBuilder attrs = new StringBuilder();
        for (int i = 0; i < Utf8XmlReader.MAX_ATTRIBUTES; i++) {
            attrs.append(" a").append(i).append("=\"\"");
        }
        byte[] atTheBound = ("<e" + attrs + "/>").getBytes(StandardCharsets.UTF_8);
        assertThat(SafeXml.parse(atTheBound).attributes()).hasSize(Utf8XmlReader.MAX_ATTRIBUTES);
        byte[] overTheBound = ("<e" + attrs + " last=\"\"/>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SafeXml.parse(overTheBound)).isInstanceOf(OnvifException.class)
                .hasMessageContaining("more than " + Utf8XmlReader.MAX_ATTRIBUTES + " attributes");
        StringBuilder nested = new StringBuilder();
        int perElement = Utf8XmlReader.MAX_ATTRIBUTES / 2;
        int levels = Utf8XmlReader.MAX_NAMESPACES_IN_SCOPE / perElement + 1;
        for (int depth = 0; depth < levels; depth++) {
            nested.append("<e");
            for (int i = 0; i < perElement; i++) {
                nested.append(" xmlns:p").append(depth).append('_').append(i).append("=\"urn:").append(i).append('"');
            }
            nested.append('>');
        }
        byte[] declarations = (nested + "</e>".repeat(levels)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SafeXml.parse(declarations)).isInstanceOf(OnvifException.class)
                .hasMessageContaining("namespace declarations in scope");
    }

    @Test
    void reads_cdata_comments_instructions_references_and_line_ends_as_stax_does() throws Exception {
        String xml = "\uFEFF<?xml version='1.0' encoding='utf-8'?>\r\n<!-- before --><?pi before?>"
                + "<a k=\"t\tab\r\nline&#10;&lt;&quot;\" xml:lang='zh'>x<![CDATA[<y>&amp;]]>&lt;<!--c-->z<?p q?>\r\n中&#x1F600;</a>\n";
        XmlNode a = SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(a.text()).isEqualTo("x<y>&amp;<z\n中😀");
        assertThat(a.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("k", "t ab line\n<\"", "lang", "zh"));
        assertThat(a).isEqualTo(SafeXml.parseWithStax(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(XmlDifferential.deferredToStax(xml.getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void scopes_namespaces_to_their_element() throws Exception {
        String xml = "<r xmlns=\"urn:d\" xmlns:p=\"urn:p1\"><p:a xmlns:p=\"urn:p2\"><b xmlns=\"\"/></p:a><p:c/><d/></r>";
        XmlNode r = SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(r.namespace()).isEqualTo("urn:d");
        assertThat(r.children()).extracting(XmlNode::namespace).containsExactly("urn:p2", "urn:p1", "urn:d");
        assertThat(r.children().get(0).children().get(0).namespace()).isEmpty();
        assertThat(r.attributes()).isEmpty();
    }

    @Test
    void other_encodings_and_xml_11_are_read_by_stax() throws Exception {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\u00e9</a>".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf16 = "\uFEFF<a>\u4E2D</a>".getBytes(StandardCharsets.UTF_16BE);
        byte[] xml11 = "<?xml version=\"1.1\"?><a>x</a>".getBytes(StandardCharsets.UTF_8);
        byte[] unicodeName = "<caf\u00e9>x</caf\u00e9>".getBytes(StandardCharsets.UTF_8);
        assertThat(SafeXml.parse(latin1).text()).isEqualTo("\u00e9");
        assertThat(SafeXml.parse(utf16).text()).isEqualTo("\u4E2D");
        assertThat(SafeXml.parse(xml11).text()).isEqualTo("x");
        assertThat(SafeXml.parse(unicodeName).localName()).isEqualTo("caf\u00e9");
        for (byte[] doc : new byte[][] {latin1, utf16, xml11, unicodeName}) {
            assertThat(XmlDifferential.deferredToStax(doc)).isTrue();
        }
    }

    @Test
    void a_false_utf16_declaration_is_still_read_as_utf8() throws Exception {
        byte[] doc = "<?xml version=\"1.0\" encoding=\"utf-16\"?><a>\u4E2D</a>".getBytes(StandardCharsets.UTF_8);
        assertThat(SafeXml.parse(doc).text()).isEqualTo("\u4E2D");
        assertThat(XmlDifferential.deferredToStax(doc)).isFalse();
    }

    /** Refused by {@link Utf8XmlReader} itself (not handed to StAX), with BAD_RESPONSE, and by StAX too. */
    private static void assertRefusedByTheFastReader(String xml, String messagePart) {
        byte[] doc = xml.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Utf8XmlReader.read(doc)).isInstanceOfSatisfying(OnvifException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE);
            assertThat(e.getMessage()).contains(messagePart);
        });
        assertThatThrownBy(() -> SafeXml.parse(doc)).isInstanceOf(OnvifException.class);
        assertThatThrownBy(() -> SafeXml.parseWithStax(doc)).isInstanceOf(OnvifException.class);
    }

    @Test
    void html_pages_are_classified_not_parsed() {
        byte[] html = "\r\n<HTML><body>401 Unauthorized</body></HTML>".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Soap.body(html, 401)).isInstanceOfSatisfying(OnvifException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.AUTH_FAILED));
        byte[] other = "<html><body>Server error</body></html>".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Soap.body(other, 500)).isInstanceOfSatisfying(OnvifException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE));
    }

    @Test
    void not_authorized_fault_is_an_auth_failure() {
        byte[] fault = Soap.fault("Sender", "ter:NotAuthorized", null, "Sender not Authorized").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Soap.body(fault, 400)).isInstanceOfSatisfying(OnvifException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.AUTH_FAILED));
    }
}
