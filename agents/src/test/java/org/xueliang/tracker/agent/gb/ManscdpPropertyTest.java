package org.xueliang.tracker.agent.gb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.gb.ManscdpMessage.Root;

/**
 * Properties of the codec over many random documents, hand-rolled on a seeded {@link Random} (every run tries the
 * same cases; a failure names its case number): what {@link Manscdp#write} writes, {@link Manscdp#parse} reads back
 * as the same message, in GB18030 (declared GB2312) and UTF-8, with Chinese, markup characters and entities' own
 * characters in the values.
 */
class ManscdpPropertyTest {

    private static final int CASES = 3_000;
    private static final long SEED = 20261206L;
    /** What values are made of: ASCII, markup, GB2312 and GBK-only hanzi, full-width punctuation, astral (𝄞 😀). */
    private static final String[] PIECES = {"a", "Z", "0", "9", " ", "-", "_", ".", "/", ":", "&", "<", ">", "\"", "'",
            "&amp;", "&lt;", "]]>", "<![CDATA[", "稷", "山", "县", "汾", "河", "喆", "镕", "，", "（", "）", "　", "€", "𝄞", "😀",
            "\n", "\r\n", "\r", "\t", "=", ";", "#", "%"};
    private static final String[] NAMES = {"Name", "Manufacturer", "Model", "Owner", "CivilCode", "Address", "Status",
            "Longitude", "Latitude", "StartTime", "EndTime", "FilePath", "Result", "Online", "DeviceTime", "Event",
            "Info.PTZType", "Info.Resolution", "Info.A.B", "BasicParam.Name", "x1", "DutyStatus"};
    private static final String[] LISTS = {"DeviceList", "RecordList", "Alarmstatus"};
    private static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void what_is_written_reads_back_the_same() throws Exception {
        for (int i = 0; i < CASES; i++) {
            Random random = new Random(SEED + i);
            ManscdpMessage m = message(random);
            Charset charset = random.nextBoolean() ? GB18030 : StandardCharsets.UTF_8;
            ManscdpMessage back = Manscdp.parse(Manscdp.write(m, charset));

            Map<String, String> expectedFields = new LinkedHashMap<>(m.fields());
            if (m.listName() != null) {
                expectedFields.put(m.listName() + "@Num", Integer.toString(m.items().size()));
            }
            assertThat(back).as("case %d in %s: %s", i, charset, m)
                    .isEqualTo(new ManscdpMessage(m.root(), m.cmdType(), m.sn(), m.deviceId(), expectedFields,
                            m.listName(), m.items(), m.sumNum()));
        }
    }

    @Test
    void the_charset_read_is_the_charset_written() throws Exception {
        for (int i = 0; i < CASES / 10; i++) {
            Random random = new Random(SEED - i);
            for (Charset charset : List.of(GB18030, StandardCharsets.UTF_8)) {
                byte[] raw = Manscdp.write(message(random), charset);
                assertThat(Manscdp.declaredCharset(raw)).as("case %d", i).isEqualTo(charset);
            }
        }
    }

    @Test
    void times_written_read_back_to_the_second_and_to_the_millisecond() throws Exception {
        List<ZoneId> zones = List.of(GbTime.CHINA, ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHours(-3));
        long from = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2099-12-31T23:59:59Z").toEpochMilli();
        for (int i = 0; i < CASES; i++) {
            Random random = new Random(SEED * 31 + i);
            Instant t = Instant.ofEpochMilli(from + (long) (random.nextDouble() * (to - from))).plusNanos(random.nextInt(1_000_000));
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            assertThat(GbTime.parse(GbTime.format(t, zone), zone)).as("case %d %s", i, t).isEqualTo(t.truncatedTo(ChronoUnit.SECONDS));
            assertThat(GbTime.parse(GbTime.formatMillis(t, zone), zone)).as("case %d %s", i, t).isEqualTo(t.truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @Test
    void parsing_on_many_threads_at_once_reads_what_one_thread_reads() throws Exception {
        // the SIP layer parses on a pool of workers with the one shared XMLInputFactory
        List<byte[]> bodies = new ArrayList<>();
        List<ManscdpMessage> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Random random = new Random(SEED ^ i);
            byte[] raw = Manscdp.write(message(random), random.nextBoolean() ? GB18030 : StandardCharsets.UTF_8);
            bodies.add(raw);
            expected.add(Manscdp.parse(raw));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<List<ManscdpMessage>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    List<ManscdpMessage> read = new ArrayList<>();
                    for (byte[] raw : bodies) {
                        read.add(Manscdp.parse(raw));
                    }
                    return read;
                }));
            }
            for (var run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static ManscdpMessage message(Random random) {
        Root root = Root.values()[random.nextInt(Root.values().length)];
        String cmdType = random.nextBoolean() ? List.of("Catalog", "DeviceInfo", "DeviceStatus", "RecordInfo", "Keepalive",
                "Alarm").get(random.nextInt(6)) : value(random, 1, 12);
        long sn = random.nextInt(4) == 0 ? Math.abs(random.nextLong() >> 1) : random.nextInt(1_000_000);
        String deviceId = random.nextInt(8) == 0 ? null : value(random, 1, 24);
        Map<String, String> fields = fields(random, random.nextInt(8));
        String listName = null;
        List<Map<String, String>> items = new ArrayList<>();
        if (random.nextBoolean()) {
            listName = LISTS[random.nextInt(LISTS.length)];
            int n = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 6);
            for (int k = 0; k < n; k++) {
                items.add(fields(random, random.nextInt(12)));
            }
        }
        Integer sumNum = random.nextBoolean() ? random.nextInt(100_000) : null;
        return new ManscdpMessage(root, cmdType, sn, deviceId, fields, listName, items, sumNum);
    }

    private static Map<String, String> fields(Random random, int n) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            fields.put(NAMES[random.nextInt(NAMES.length)], random.nextInt(10) == 0 ? "" : value(random, 1, 40));
        }
        return fields;
    }

    /**
     * A value the reader gives back as it was: it trims, so no white space at the ends (carriage returns inside
     * are written as references, which XML keeps, where a raw one would become a line feed).
     */
    private static String value(Random random, int min, int max) {
        StringBuilder b = new StringBuilder();
        int n = min + random.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        String v = b.toString().strip();
        return v.isEmpty() ? "x" : v;
    }
}
