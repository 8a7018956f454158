package org.xueliang.tracker.agent.gb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xueliang.tracker.fuzz.Corpus;
import org.xueliang.tracker.fuzz.FuzzSuite;
import org.xueliang.tracker.fuzz.Mutator;

/**
 * Fuzzes what the platform does with a device's MANSCDP body: {@link Manscdp#parse}, then every typed reader on what
 * parsed, then writing it back. A device is untrusted input: the one acceptable failure is a
 * {@link ManscdpException} (the SIP layer answers 400). Inputs: mutations of the corpus (fuzz/manscdp: real-looking
 * GB2312 Catalog, DeviceInfo, DeviceStatus, RecordInfo, Keepalive, Notify bodies) and generated hostile documents —
 * external entities naming a canary file and a named pipe, entity expansion, deep nesting, huge texts and lists,
 * declared charsets that lie or do not exist, truncations, random bytes and random element trees.
 *
 * <p>No XXE: the canary file's text must never appear in anything parsed, and the named pipe would hang whoever
 * opened it (no writer ever comes), which the harness reports as a hang.
 */
class ManscdpFuzzTest {

    private static final String CANARY = "CANARY-d41d8cd9";
    private static final int TRIES = 100_000;
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Mutator MUTATOR = Mutator.withTokens("<?xml version=\"1.0\" encoding=\"GB2312\"?>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<!DOCTYPE Response>", "<!ENTITY x \"y\">", "&x;", "&#0;",
            "&#x110000;", "&#13;", "<![CDATA[", "]]>", "<!--", "-->", "<?pi x?>", "<Item>", "</Item>", "<Item/>",
            "<DeviceList Num=\"2147483648\">", "</DeviceList>", "<SumNum>-1</SumNum>", "<SN>9223372036854775808</SN>",
            "<CmdType>", "</CmdType>", "<Info>", "</Info>", "<PTZType>", "<Longitude>1e308</Longitude>",
            "<StartTime>2026-02-30T25:61:61</StartTime>", "<DeviceTime>", "<Status>VLOST</Status>", "<Event>", "xmlns:a=\"b\"",
            "a:", "\uFEFF", "\u00A0", "\u3000", "稷山", "\u0080", new String(new byte[] {(byte) 0xC4, (byte) 0xE3}, StandardCharsets.ISO_8859_1));
    private static final List<String> ROOTS = List.of("Query", "Response", "Notify", "Control", "Message", "");
    private static final List<String> NAMES = List.of("CmdType", "SN", "DeviceID", "SumNum", "DeviceList", "RecordList",
            "Alarmstatus", "Item", "Name", "Status", "Info", "PTZType", "StartTime", "EndTime", "DeviceTime", "Online",
            "Record", "Longitude", "Latitude", "Channel", "Event", "Parental", "a:b", "x");
    private static final List<String> CHARSETS = List.of("GB2312", "GBK", "GB18030", "UTF-8", "utf-16", "UTF-16LE",
            "UTF-32", "IBM037", "ISO-2022-CN", "Big5", "Shift_JIS", "ISO-8859-1", "US-ASCII", "x-unknown", "", "UTF-7",
            "x".repeat(41), "EUC-CN", "windows-1252", "CESU-8");

    @TempDir
    static Path dir;

    @Test
    void device_bodies_fail_only_as_manscdp_exceptions() throws Exception {
        Path canaryFile = Files.writeString(dir.resolve("canary.txt"), CANARY);
        String pipe = namedPipe(dir.resolve("canary.fifo"));
        List<String> targets = pipe == null ? List.of(canaryFile.toUri().toString())
                : List.of(canaryFile.toUri().toString(), pipe);
        List<byte[]> seeds = Corpus.of("manscdp");
        Hostile hostile = new Hostile(targets, seeds);
        FuzzSuite.of("manscdp", TRIES, hostile::next)
                .bytesOf(b -> b)
                // generous: a parse takes well under a millisecond, a 10,000-item list read by every reader about one
                // second, and a build shared by several others on two cores was seen taking 3.6 s for it
                .timeoutMillis(15_000)
                .maxAllocatedMegabytes(64)
                .firstVerbatim(seeds)
                .run(ManscdpFuzzTest::readAsThePlatformWould);
    }

    /** Parse, read with every typed reader, write back and parse again: all but ManscdpException is a finding. */
    static void readAsThePlatformWould(byte[] raw) throws Exception {
        ManscdpMessage m;
        try {
            m = Manscdp.parse(raw);
        } catch (ManscdpException refused) {
            assertThat(refused.getMessage()).doesNotContain(CANARY);
            return;
        }
        assertThat(m.toString()).as("a parsed document shows the canary file: an entity was resolved").doesNotContain(CANARY);
        for (Map<String, String> item : m.items()) {
            quietly(() -> CatalogItem.from(item).toFields());
            quietly(() -> RecordItem.from(item).toFields());
        }
        quietly(() -> DeviceStatusReport.from(m).clockOffset(GbTime.CHINA, java.time.Instant.EPOCH));
        quietly(() -> DeviceInfoReport.from(m));
        for (String value : m.fields().values()) {
            quietly(() -> GbTime.parseLocal(value));
        }
        // one charset per input (by its length): both get tried across the run at half the cost
        Charset charset = raw.length % 2 == 0 ? GB18030 : StandardCharsets.UTF_8;
        ManscdpMessage again = Manscdp.parse(Manscdp.write(m, charset));
        assertThat(List.of(again.root(), again.cmdType(), again.sn(), String.valueOf(again.deviceId()),
                String.valueOf(again.sumNum()))).as("written back in %s", charset)
                .isEqualTo(List.of(m.root(), m.cmdType(), m.sn(), String.valueOf(m.deviceId()), String.valueOf(m.sumNum())));
    }

    @FunctionalInterface
    private interface Reading {
        Object read() throws ManscdpException;
    }

    private static void quietly(Reading reading) {
        try {
            reading.read();
        } catch (ManscdpException documented) {
            // a reader's refusal is what the platform logs and skips
        }
    }

    /** A named pipe nobody writes to, as a file: URL; null where mkfifo is missing (the canary file still checks). */
    private static String namedPipe(Path path) throws Exception {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? path.toUri().toString() : null;
        } catch (IOException absent) {
            System.out.println("fuzz manscdp: no mkfifo, the named-pipe canary is skipped");
            return null;
        }
    }

    /** The generators; each input draws one, and a third of the generated documents get mutated on top. */
    private record Hostile(List<String> canaries, List<byte[]> seeds) {

        byte[] next(Random random) {
            int pick = random.nextInt(100);
            if (pick < 40) {
                return MUTATOR.mutate(random, seeds, 6);
            }
            byte[] generated;
            if (pick < 48) {
                byte[] seed = seeds.get(random.nextInt(seeds.size()));
                return java.util.Arrays.copyOf(seed, random.nextInt(seed.length + 1));
            } else if (pick < 55) {
                generated = randomBytes(random);
            } else if (pick < 64) {
                generated = utf8(externalEntity(random));
            } else if (pick < 69) {
                generated = utf8(expansion(random));
            } else if (pick < 75) {
                generated = utf8(deep(random));
            } else if (pick < 81) {
                generated = utf8(huge(random));
            } else if (pick < 89) {
                generated = lyingCharset(random);
            } else {
                generated = utf8(tree(random));
            }
            return random.nextInt(3) == 0 ? MUTATOR.mutate(random, List.of(generated), 3) : generated;
        }

        private static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] randomBytes(Random random) {
            byte[] noise = new byte[random.nextInt(random.nextInt(10) == 0 ? 20_000 : 600)];
            random.nextBytes(noise);
            if (random.nextBoolean()) {
                return concat(utf8("<?xml version=\"1.0\" encoding=\"" + pick(random, CHARSETS) + "\"?><Notify>"), noise);
            }
            return noise;
        }

        private String externalEntity(Random random) {
            String url = canaries.get(random.nextInt(canaries.size()));
            String decl = declaration(random);
            return switch (random.nextInt(6)) {
                case 0 -> decl + "<!DOCTYPE Notify [<!ENTITY x SYSTEM \"" + url + "\">]><Notify><CmdType>&x;</CmdType></Notify>";
                case 1 -> decl + "<!DOCTYPE Notify [<!ENTITY x SYSTEM \"" + url + "\">]><Notify><CmdType>Keepalive</CmdType>"
                        + "<DeviceID>&x;</DeviceID><SN>1</SN></Notify>";
                case 2 -> decl + "<!DOCTYPE Notify SYSTEM \"" + url + "\"><Notify><CmdType>Keepalive</CmdType></Notify>";
                case 3 -> decl + "<!DOCTYPE Notify [<!ENTITY % p SYSTEM \"" + url + "\">%p;]><Notify><CmdType>Keepalive</CmdType></Notify>";
                case 4 -> decl + "<!DOCTYPE Notify PUBLIC \"-//x//y\" \"" + url + "\"><Notify><CmdType>Keepalive</CmdType></Notify>";
                default -> decl + "<Notify xmlns:xi=\"http://www.w3.org/2001/XInclude\"><CmdType>Keepalive</CmdType>"
                        + "<Name><xi:include href=\"" + url + "\" parse=\"text\"/></Name></Notify>";
            };
        }

        private static String expansion(Random random) {
            int levels = 1 + random.nextInt(12);
            int width = 2 + random.nextInt(15);
            StringBuilder b = new StringBuilder(declaration(random)).append("<!DOCTYPE Notify [<!ENTITY e0 \"")
                    .append("ha".repeat(1 + random.nextInt(1000))).append("\">");
            for (int i = 1; i <= levels; i++) {
                b.append("<!ENTITY e").append(i).append(" \"").append(("&e" + (i - 1) + ";").repeat(width)).append("\">");
            }
            return b.append("]><Notify><CmdType>Keepalive</CmdType><Name>&e").append(levels).append(";</Name></Notify>").toString();
        }

        private static String deep(Random random) {
            int depth = 1 + random.nextInt(random.nextBoolean() ? 12 : 20_000);
            String name = pick(random, NAMES);
            boolean closed = random.nextInt(4) != 0;
            StringBuilder b = new StringBuilder(declaration(random)).append("<Response><CmdType>Catalog</CmdType>");
            b.append(("<" + name + ">").repeat(depth)).append("x");
            if (closed) {
                b.append(("</" + name + ">").repeat(depth)).append("</Response>");
            }
            return b.toString();
        }

        private static String huge(Random random) {
            int length = switch (random.nextInt(4)) {
                case 0 -> Manscdp.MAX_TEXT - 2 + random.nextInt(5);
                case 1 -> random.nextInt(Manscdp.MAX_BYTES);
                case 2 -> Manscdp.MAX_BYTES - 100 + random.nextInt(200);
                // over the limit is refused before it is read: a little over says as much as a lot
                default -> Manscdp.MAX_BYTES + random.nextInt(1024);
            };
            String unit = random.nextBoolean() ? "a" : "字";
            String text = unit.repeat(Math.max(0, unit.equals("a") ? length : length / 3));
            String head = declaration(random) + "<Response><CmdType>Catalog</CmdType>";
            return switch (random.nextInt(6)) {
                case 0 -> head + "<Name>" + text + "</Name></Response>";
                case 1 -> head + "<Name><![CDATA[" + text + "]]></Name></Response>";
                case 2 -> head + "<!--" + text + "--></Response>";
                case 3 -> head + "<Name a=\"" + text + "\"/></Response>";
                case 4 -> head + "<DeviceList>" + "<Item/>".repeat(Math.min(text.length() / 7, Manscdp.MAX_ITEMS + 50))
                        + "</DeviceList></Response>";
                default -> head + "<Name>" + "&amp;".repeat(text.length() / 5) + "</Name></Response>";
            };
        }

        /** A real document whose bytes are in one charset and whose declaration names another (or none that exists). */
        private byte[] lyingCharset(Random random) {
            String xml = new String(seeds.get(random.nextInt(seeds.size())), Charset.forName("GB18030"));
            String declared = pick(random, CHARSETS);
            String text = xml.replaceFirst("encoding=\"[^\"]*\"", "encoding=\"" + declared + "\"");
            List<String> real = List.of("GB18030", "UTF-8", "UTF-16", "UTF-16BE", "UTF-32", "Big5", "ISO-8859-1");
            try {
                return text.getBytes(Charset.forName(pick(random, real)));
            } catch (RuntimeException unsupported) {
                return utf8(text);
            }
        }

        private static String tree(Random random) {
            StringBuilder b = new StringBuilder(declaration(random)).append('<').append(pick(random, ROOTS)).append('>');
            element(random, b, 1 + random.nextInt(30), 0);
            return b.append("</").append(pick(random, ROOTS)).append('>').toString();
        }

        private static void element(Random random, StringBuilder b, int children, int depth) {
            for (int i = 0; i < children; i++) {
                String name = pick(random, NAMES);
                b.append('<').append(name);
                if (random.nextInt(5) == 0) {
                    b.append(" Num=\"").append(random.nextInt()).append('"');
                }
                b.append('>');
                if (depth < 10 && random.nextInt(3) == 0) {
                    element(random, b, random.nextInt(6), depth + 1);
                } else {
                    b.append(switch (random.nextInt(8)) {
                        case 0 -> "<![CDATA[" + MUTATOR.token(random) + "]]>";
                        case 1 -> "&#" + random.nextInt(0x11_0000) + ";";
                        case 2 -> "2026-12-06T20:31:0" + random.nextInt(10);
                        case 3 -> Long.toString(random.nextLong());
                        case 4 -> "<!--" + MUTATOR.token(random) + "-->";
                        default -> MUTATOR.token(random).replace("<", "&lt;").replace("&", "&amp;");
                    });
                }
                b.append("</").append(random.nextInt(40) == 0 ? pick(random, NAMES) : name).append('>');
            }
        }

        private static String declaration(Random random) {
            return switch (random.nextInt(4)) {
                case 0 -> "";
                case 1 -> "\uFEFF<?xml version=\"1.0\"?>";
                default -> "<?xml version=\"1.0\" encoding=\"" + pick(random, CHARSETS) + "\"?>\r\n";
            };
        }

        private static <T> T pick(Random random, List<T> from) {
            return from.get(random.nextInt(from.size()));
        }

        private static byte[] concat(byte[] a, byte[] b) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
            out.writeBytes(a);
            out.writeBytes(b);
            return out.toByteArray();
        }
    }
}
