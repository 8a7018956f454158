package org.xueliang.tracker.agent.gb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.gb.ManscdpMessage.Root;

/**
 * The MANSCDP codec on the bodies devices send: GB2312-declared documents as the GB18030 bytes they really are
 * (with GBK characters outside GB2312), UTF-8, no declaration, a byte-order mark; and the documents it refuses.
 */
class ManscdpTest {

    static final Charset GB18030 = Charset.forName("GB18030");

    static byte[] gb(String xml) {
        return xml.getBytes(GB18030);
    }

    static final String CATALOG = """
            <?xml version="1.0" encoding="GB2312"?>\r
            <Response>\r
            <CmdType>Catalog</CmdType>\r
            <SN>17430</SN>\r
            <DeviceID>14082400001180000001</DeviceID>\r
            <SumNum>40</SumNum>\r
            <DeviceList Num="2">\r
            <Item>\r
            <DeviceID>14082400001310000001</DeviceID>\r
            <Name>稷山县汾河大桥东口</Name>\r
            <Manufacturer>Hikvision</Manufacturer>\r
            <Model>DS-2CD3T46WD</Model>\r
            <Owner>Owner</Owner>\r
            <CivilCode>140824</CivilCode>\r
            <Address>稷峰镇汾河大桥东</Address>\r
            <Parental>0</Parental>\r
            <ParentID>14082400001180000001</ParentID>\r
            <Status>ON</Status>\r
            <Longitude>110.978210</Longitude>\r
            <Latitude>35.600412</Latitude>\r
            <Info>\r
            <PTZType>1</PTZType>\r
            </Info>\r
            </Item>\r
            <Item>\r
            <DeviceID>14082400001310000002</DeviceID>\r
            <Name>喆园小区 北门</Name>\r
            <Status>OFF</Status>\r
            </Item>\r
            </DeviceList>\r
            </Response>\r
            """;

    @Test
    void a_gb2312_catalog_part_reads_with_its_chinese_names() throws Exception {
        ManscdpMessage m = Manscdp.parse(gb(CATALOG));

        assertThat(m.root()).isEqualTo(Root.Response);
        assertThat(m.cmdType()).isEqualTo("Catalog");
        assertThat(m.sn()).isEqualTo(17430);
        assertThat(m.deviceId()).isEqualTo("14082400001180000001");
        assertThat(m.sumNum()).isEqualTo(40);
        assertThat(m.listName()).isEqualTo("DeviceList");
        assertThat(m.field("DeviceList@Num")).isEqualTo("2");
        assertThat(m.items()).hasSize(2);
        assertThat(m.items().get(0)).containsEntry("Name", "稷山县汾河大桥东口").containsEntry("Address", "稷峰镇汾河大桥东")
                .containsEntry("Info.PTZType", "1").containsEntry("Status", "ON");
        // 喆 is GBK, not GB2312: devices declare GB2312 and send GBK, so it is read as GB18030
        assertThat(m.items().get(1)).containsEntry("Name", "喆园小区 北门").containsEntry("Status", "OFF");
    }

    @Test
    void gbk_and_gb18030_declarations_read_the_same() throws Exception {
        for (String name : List.of("GBK", "gb18030", "gb2312")) {
            ManscdpMessage m = Manscdp.parse(gb(CATALOG.replace("GB2312", name)));
            assertThat(m.items().get(0).get("Name")).as(name).isEqualTo("稷山县汾河大桥东口");
        }
    }

    @Test
    void a_device_info_a_device_status_a_keepalive_and_a_notify() throws Exception {
        ManscdpMessage info = Manscdp.parse(gb("""
                <?xml version="1.0" encoding="GB2312"?>
                <Response><CmdType>DeviceInfo</CmdType><SN>5</SN><DeviceID>14082400001180000001</DeviceID>
                <DeviceName>城区NVR-01</DeviceName><Result>OK</Result><Manufacturer>海康威视</Manufacturer>
                <Model>DS-7932N-R4</Model><Firmware>V4.22.005 build 201102</Firmware><Channel>32</Channel></Response>"""));
        assertThat(info.fields()).containsEntry("DeviceName", "城区NVR-01").containsEntry("Manufacturer", "海康威视")
                .containsEntry("Channel", "32").doesNotContainKeys("CmdType", "SN", "DeviceID");
        assertThat(info.listName()).isNull();

        ManscdpMessage status = Manscdp.parse(gb("""
                <?xml version="1.0" encoding="GB2312"?>
                <Response><CmdType>DeviceStatus</CmdType><SN>6</SN><DeviceID>14082400001180000001</DeviceID>
                <Result>OK</Result><Online>ONLINE</Online><Status>OK</Status><Encode>ON</Encode><Record>OFF</Record>
                <DeviceTime>2026-12-06T20:31:07</DeviceTime>
                <Alarmstatus Num="1"><Item><DeviceID>14082400001340000001</DeviceID><DutyStatus>OFFDUTY</DutyStatus></Item>
                </Alarmstatus></Response>"""));
        assertThat(status.fields()).containsEntry("Online", "ONLINE").containsEntry("DeviceTime", "2026-12-06T20:31:07");
        assertThat(status.listName()).isEqualTo("Alarmstatus");
        assertThat(status.items()).containsExactly(Map.of("DeviceID", "14082400001340000001", "DutyStatus", "OFFDUTY"));

        ManscdpMessage keepalive = Manscdp.parse(gb("""
                <?xml version="1.0" encoding="GB2312"?>\r
                <Notify>\r
                <CmdType>Keepalive</CmdType>\r
                <SN>43</SN>\r
                <DeviceID>14082400001320000001</DeviceID>\r
                <Status>OK</Status>\r
                <Info>\r
                </Info>\r
                </Notify>\r
                """));
        assertThat(keepalive.root()).isEqualTo(Root.Notify);
        assertThat(keepalive.cmdType()).isEqualTo("Keepalive");
        assertThat(keepalive.field("Status")).isEqualTo("OK");

        ManscdpMessage vlost = Manscdp.parse(gb("""
                <?xml version="1.0" encoding="GB2312"?>
                <Notify><CmdType>Catalog</CmdType><SN>902</SN><DeviceID>14082400001180000001</DeviceID><SumNum>1</SumNum>
                <DeviceList Num="1"><Item><DeviceID>14082400001310000002</DeviceID><Event>VLOST</Event></Item></DeviceList>
                </Notify>"""));
        assertThat(vlost.items()).containsExactly(Map.of("DeviceID", "14082400001310000002", "Event", "VLOST"));
    }

    @Test
    void a_record_info_answer_lists_its_intervals() throws Exception {
        ManscdpMessage m = Manscdp.parse(gb("""
                <?xml version="1.0" encoding="GB2312"?>
                <Response><CmdType>RecordInfo</CmdType><SN>7</SN><DeviceID>14082400001310000001</DeviceID>
                <Name>汾河大桥东口</Name><SumNum>2</SumNum><RecordList Num="2">
                <Item><DeviceID>14082400001310000001</DeviceID><Name>汾河大桥东口</Name><FilePath>ch01</FilePath>
                <StartTime>2026-12-05T20:00:00</StartTime><EndTime>2026-12-06T03:12:45</EndTime><Secrecy>0</Secrecy>
                <Type>time</Type></Item>
                <Item><DeviceID>14082400001310000001</DeviceID><StartTime>2026-12-06T03:20:10</StartTime>
                <EndTime>2026-12-06T20:00:00</EndTime><Type>time</Type></Item></RecordList></Response>"""));
        assertThat(m.listName()).isEqualTo("RecordList");
        assertThat(m.field("Name")).isEqualTo("汾河大桥东口");
        assertThat(m.items()).extracting(i -> i.get("StartTime")).containsExactly("2026-12-05T20:00:00", "2026-12-06T03:20:10");
    }

    @Test
    void utf8_declared_undeclared_and_with_a_byte_order_mark() throws Exception {
        String body = "<Notify><CmdType>Keepalive</CmdType><SN>1</SN><DeviceID>14082400001320000001</DeviceID>"
                + "<Status>正常</Status></Notify>";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String declared = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body;
        for (byte[] raw : List.of(body.getBytes(StandardCharsets.UTF_8), declared.getBytes(StandardCharsets.UTF_8),
                concat(bom, declared.getBytes(StandardCharsets.UTF_8)), concat(bom, body.getBytes(StandardCharsets.UTF_8)),
                ("<?xml version='1.0' encoding='utf-8' standalone='yes'?>" + body).getBytes(StandardCharsets.UTF_8))) {
            assertThat(Manscdp.parse(raw).field("Status")).isEqualTo("正常");
        }
    }

    @Test
    void a_byte_order_mark_wins_over_a_gb2312_declaration() throws Exception {
        // The XML rule (Appendix F): the mark names the encoding. A device that writes UTF-8 with a mark and a copied
        // GB2312 declaration is read as what it sent.
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?><Notify><CmdType>Keepalive</CmdType>"
                + "<DeviceID>1</DeviceID><Status>正常</Status></Notify>";
        byte[] raw = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, xml.getBytes(StandardCharsets.UTF_8));
        assertThat(Manscdp.declaredCharset(raw)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Manscdp.parse(raw).field("Status")).isEqualTo("正常");
    }

    @Test
    void bytes_that_are_not_in_the_declared_charset_are_refused() {
        assertThatThrownBy(() -> Manscdp.parse(CATALOG.replace("GB2312", "UTF-8").getBytes(GB18030)))
                .isInstanceOf(ManscdpException.class).hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> Manscdp.parse(gb(CATALOG.replace("GB2312", "x-no-such-charset"))))
                .isInstanceOf(ManscdpException.class).hasMessageContaining("unknown charset");
        assertThatThrownBy(() -> Manscdp.parse(gb(CATALOG.replace("GB2312", "G?B")))).isInstanceOf(ManscdpException.class);
    }

    @Test
    void entities_character_references_and_cdata() throws Exception {
        ManscdpMessage m = Manscdp.parse(("<Query><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>a&amp;b&lt;c&gt;"
                + "&#x4E2D;&#25991;&quot;&apos;</DeviceID><Name><![CDATA[<x> & y]]></Name></Query>")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(m.deviceId()).isEqualTo("a&b<c>中文\"'");
        assertThat(m.field("Name")).isEqualTo("<x> & y");
    }

    @Test
    void malformed_documents_are_refused_with_a_reason() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("", "empty body");
        cases.put("<Notify><SN>1</SN></Notify>", "CmdType is missing");
        cases.put("<Notify><CmdType> </CmdType></Notify>", "CmdType is missing");
        cases.put("<Notify><CmdType>Keepalive</CmdType><SN>x1</SN></Notify>", "SN is not a number");
        cases.put("<Notify><CmdType>Keepalive</CmdType><SN>99999999999999999999</SN></Notify>", "SN is not a number");
        cases.put("<Response><CmdType>Catalog</CmdType><SumNum>many</SumNum></Response>", "SumNum is not a number");
        cases.put("<Message><CmdType>Keepalive</CmdType></Message>", "is not Query, Response, Notify or Control");
        cases.put("<Notify><CmdType>Keepalive</CmdType>", "malformed");
        cases.put("<Notify><CmdType>Keepalive</Status></Notify>", "malformed");
        cases.put("just text", "malformed");
        cases.put("<?xml version=\"1.0\"?>", "malformed");
        cases.put("<Notify><CmdType>Keepalive</CmdType><Status>&undeclared;</Status></Notify>", "");
        cases.forEach((xml, reason) -> assertThatThrownBy(() -> Manscdp.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .as(xml).isInstanceOf(ManscdpException.class).hasMessageContaining(reason));
        assertThatThrownBy(() -> Manscdp.parse(null)).isInstanceOf(ManscdpException.class);
    }

    @Test
    void a_doctype_anywhere_in_the_prolog_is_refused_before_the_xml_reader_sees_it() throws Exception {
        for (String prolog : List.of("", "<?xml version=\"1.0\"?>\r\n", "<!-- a comment -->\n", "<?pi data?> ",
                "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?><!-- x --><?y?>\n")) {
            for (String doctype : List.of("<!DOCTYPE Notify>", "<!DOCTYPE Notify [<!ENTITY e0 \"haha", "<!DOCTYPE")) {
                String xml = prolog + doctype + "<Notify><CmdType>Keepalive</CmdType></Notify>";
                assertThatThrownBy(() -> Manscdp.parse(xml.getBytes(StandardCharsets.UTF_8))).as(xml)
                        .isInstanceOf(ManscdpException.class).hasMessage("a DOCTYPE is not accepted");
            }
        }
        // the same text inside a value is a value
        assertThat(Manscdp.parse("<Notify><CmdType>Keepalive</CmdType><Name><![CDATA[<!DOCTYPE x>]]></Name></Notify>"
                .getBytes(StandardCharsets.UTF_8)).field("Name")).isEqualTo("<!DOCTYPE x>");
    }

    @Test
    void size_depth_text_and_item_bounds_refuse_what_is_over_them() {
        StringBuilder deep = new StringBuilder("<Query><CmdType>Catalog</CmdType>");
        deep.append("<A>".repeat(Manscdp.MAX_DEPTH)).append("x").append("</A>".repeat(Manscdp.MAX_DEPTH)).append("</Query>");
        assertThatThrownBy(() -> Manscdp.parse(deep.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ManscdpException.class).hasMessageContaining("nested deeper");

        String longText = "<Query><CmdType>Catalog</CmdType><Name>" + "字".repeat(Manscdp.MAX_TEXT + 1) + "</Name></Query>";
        assertThatThrownBy(() -> Manscdp.parse(longText.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ManscdpException.class).hasMessageContaining("a text longer than");

        byte[] huge = new byte[Manscdp.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertThatThrownBy(() -> Manscdp.parse(huge)).isInstanceOf(ManscdpException.class).hasMessageContaining("bytes is over");

        String items = "<Response><CmdType>Catalog</CmdType><DeviceList>" + "<Item/>".repeat(Manscdp.MAX_ITEMS + 1)
                + "</DeviceList></Response>";
        assertThatThrownBy(() -> Manscdp.parse(items.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ManscdpException.class).hasMessageContaining("more than " + Manscdp.MAX_ITEMS);
    }

    @Test
    void the_line_breaks_between_many_items_are_not_a_long_text() throws Exception {
        // found by the fuzz suite: the CRLF after each of 9,900 items once counted as the list's text
        String items = "<Response><CmdType>Catalog</CmdType><DeviceList>\r\n"
                + "<Item><DeviceID>1</DeviceID></Item>\r\n".repeat(Manscdp.MAX_TEXT) + "</DeviceList></Response>";
        assertThat(Manscdp.parse(items.getBytes(StandardCharsets.UTF_8)).items()).hasSize(Manscdp.MAX_TEXT);
    }

    @Test
    void just_under_the_bounds_is_read() throws Exception {
        StringBuilder deep = new StringBuilder("<Query><CmdType>Catalog</CmdType>");
        int nested = Manscdp.MAX_DEPTH - 1;
        deep.append("<A>".repeat(nested)).append("x").append("</A>".repeat(nested)).append("</Query>");
        assertThat(Manscdp.parse(deep.toString().getBytes(StandardCharsets.UTF_8)).fields())
                .containsEntry("A" + ".A".repeat(nested - 1), "x");
        String text = "字".repeat(Manscdp.MAX_TEXT);
        assertThat(Manscdp.parse(("<Query><CmdType>Catalog</CmdType><Name>" + text + "</Name></Query>")
                .getBytes(StandardCharsets.UTF_8)).field("Name")).isEqualTo(text);
    }

    @Test
    void writing_declares_gb2312_for_gb18030_bytes_and_escapes_markup() throws Exception {
        ManscdpMessage m = new ManscdpMessage(Root.Response, "Catalog", 9, "14082400001180000001",
                Map.of("Name", "A&B <东门>"), "DeviceList",
                List.of(Map.of("DeviceID", "14082400001310000001", "Name", "喆园\"北门\"", "Info.PTZType", "3")), 1);
        byte[] raw = Manscdp.write(m, GB18030);
        String text = new String(raw, GB18030);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"GB2312\"?>")
                .contains("<Name>A&amp;B &lt;东门&gt;</Name>").contains("<Info><PTZType>3</PTZType>")
                .contains("<DeviceList Num=\"1\">");
        ManscdpMessage back = Manscdp.parse(raw);
        assertThat(back.field("Name")).isEqualTo("A&B <东门>");
        assertThat(back.items()).containsExactly(m.items().get(0));
    }

    @Test
    void writing_keeps_the_order_fields_were_given_in() {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String name : List.of("StartTime", "EndTime", "Secrecy", "Type", "FilePath", "Address")) {
            fields.put(name, name.toLowerCase());
        }
        String text = new String(Manscdp.write(ManscdpMessage.of(Root.Query, "RecordInfo", 1, "1", fields),
                StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(text).containsSubsequence("<CmdType>", "<SN>", "<DeviceID>", "<StartTime>", "<EndTime>",
                "<Secrecy>", "<Type>", "<FilePath>", "<Address>");
    }

    @Test
    void what_xml_cannot_carry_is_written_so_that_it_still_parses() throws Exception {
        String value = "a\rb\u0001c\uD800d😀e\tf\ng\uFFFE";
        ManscdpMessage back = Manscdp.parse(Manscdp.write(ManscdpMessage.of(Root.Notify, "Keepalive", 1, "1",
                Map.of("Status", value)), StandardCharsets.UTF_8));
        assertThat(back.field("Status")).isEqualTo("a\rb\uFFFDc\uFFFDd😀e\tf\ng\uFFFD");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
