package org.xueliang.tracker.agent.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
