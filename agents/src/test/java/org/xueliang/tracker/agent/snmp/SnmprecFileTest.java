package org.xueliang.tracker.agent.snmp;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.xueliang.tracker.agent.TestData;
import org.xueliang.tracker.agent.snmp.rec.SnmprecFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SnmprecFileTest {

    @TestFactory
    Stream<DynamicTest> parses_every_recording_in_the_test_data() throws IOException {
        Path dir = TestData.dir("snmp");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".snmprec")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                        SnmprecFile rec = SnmprecFile.read(p);
                        long lines;
                        try (Stream<String> l = Files.lines(p)) {
                            lines = l.filter(s -> !s.isBlank()).count();
                        }
                        assertThat(rec.size() + rec.problems().size()).as("one value per line, no duplicate OIDs")
                                .isEqualTo(lines);
                        assertThat(rec.problems()).as("only the hand-scrubbed lines are skipped")
                                .hasSizeLessThanOrEqualTo((int) (lines / 20))
                                .allMatch(m -> m.startsWith(p.getFileName() + " line "));
                        OID previous = null;
                        for (OID oid : rec.values().keySet()) {
                            assertThat(oid.get(0)).isEqualTo(1);
                            if (previous != null) {
                                assertThat(oid.compareTo(previous)).isPositive();
                            }
                            previous = oid;
                        }
                    }));
        }
    }

    @Test
    void decodes_a_hex_sysDescr_with_line_breaks() throws IOException {
        SnmprecFile rec = SnmprecFile.read(TestData.dir("snmp").resolve("vrp_s5328c-ei.snmprec"));
        String descr = SnmpValues.text(rec.values().get(new OID("1.3.6.1.2.1.1.1.0")));
        assertThat(descr).contains("S5328C-EI").contains("Huawei Versatile Routing Platform").contains("\r\n");
    }

    @Test
    void strips_a_leading_dot_from_OID_values() throws IOException {
        SnmprecFile rec = SnmprecFile.read(TestData.dir("snmp").resolve("stoneos.snmprec"));
        assertThat(rec.values().get(new OID("1.3.6.1.2.1.1.2.0"))).hasToString("1.3.6.1.4.1.28557.1.126");
    }

    @Test
    void tolerates_CRLF_leading_dots_comments_and_pipes_in_values() {
        SnmprecFile rec = SnmprecFile.parse("quirks", "# a comment\r\n.1.3.6.1.2.1.1.5.0|4|a|b\r\n\r\n"
                + "1.3.6.1.2.1.1.3.0|67|4294967295\r\n1.3.6.1.2.1.1.1.0|4x|e99baae4baae\n");
        assertThat(rec.values().keySet()).extracting(OID::toString)
                .containsExactly("1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.1.5.0");
        Variable name = rec.values().get(new OID("1.3.6.1.2.1.1.5.0"));
        assertThat(((OctetString) name).toString()).isEqualTo("a|b");
        assertThat(rec.values().get(new OID("1.3.6.1.2.1.1.3.0"))).isEqualTo(new TimeTicks(4294967295L));
        assertThat(SnmpValues.text(rec.values().get(new OID("1.3.6.1.2.1.1.1.0")))).isEqualTo("雪亮");
    }

    @Test
    void skips_malformed_lines_naming_file_and_line_and_keeps_the_rest() {
        SnmprecFile rec = SnmprecFile.parse("bad.snmprec", String.join("\n",
                "1.3.6.1.2.1.1.1.0|4|ok", "1.3.6.1.2.1.1.3.0|67|-5", "1.3.6.x|2|1", "1.3.6.1.2.1.1.4.0|99|1",
                "no separators", "1.3.6.1.2.1.2.2.1.6.1|4x|346288XXYYZZ", "1.3.6.1.2.1.1.5.0|4x|abc"));
        assertThat(rec.size()).isEqualTo(1);
        assertThat(rec.problems()).hasSize(6);
        assertThat(rec.problems().get(0)).startsWith("bad.snmprec line 2: not an unsigned 32-bit value");
        assertThat(rec.problems()).anyMatch(m -> m.contains("line 4: unknown type tag '99'"))
                .anyMatch(m -> m.contains("line 5: expected OID|TYPE|VALUE"));
    }

    @Test
    void reports_the_scrubbed_lines_of_the_LibreNMS_recordings() throws IOException {
        SnmprecFile ios = SnmprecFile.read(TestData.dir("snmp").resolve("ios.snmprec"));
        assertThat(ios.problems()).isNotEmpty().allMatch(m -> m.contains("hexadecimal"));
        SnmprecFile win = SnmprecFile.read(TestData.dir("snmp").resolve("windows_svr_2019_1809.snmprec"));
        assertThat(win.problems()).isNotEmpty().allMatch(m -> m.contains("xx"));
    }
}
