package org.xueliang.tracker.agent.snmp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.snmp4j.PDU;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Opaque;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.snmp.rec.SnmprecFile;
import org.xueliang.tracker.fuzz.Corpus;
import org.xueliang.tracker.fuzz.FuzzSuite;
import org.xueliang.tracker.fuzz.Mutator;

/**
 * Fuzzes how the SNMP prober interprets an answer: a device may send any type under any OID (an OCTET STRING
 * where sysUpTime's TimeTicks belong, a Counter64 for ifOperStatus, a sysObjectID that is text), any bytes in a
 * string, counters at their limits, uptimes that jump. Interpretation must turn all of it into facts and
 * problems, never throw. Values come from the recordings in fuzz/snmp-values (and ../shared/testdata/snmp when
 * present, read in place), mutated and moved to other OIDs.
 */
class SnmpValuesFuzzTest {

    private static final OID[] INTERPRETED = {SnmpProber.SYS_DESCR, SnmpProber.SYS_OBJECT_ID, SnmpProber.SYS_UPTIME,
            SnmpProber.SYS_NAME, SnmpProber.UPS_BATTERY_STATUS, SnmpProber.UPS_OUTPUT_SOURCE,
            new OID(SnmpProber.IF_OPER_STATUS).append(1), new OID(SnmpProber.IF_OPER_STATUS).append(2)};
    private static final long[] EDGES = {0, 1, -1, 2, 3, 4, 5, Integer.MAX_VALUE, Integer.MIN_VALUE, 0xFFFFFFFFL,
            1L << 32, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE / 10 + 1};
    private static final Mutator MUTATOR = Mutator.withTokens("\u0000\u0000", "\u00ff\u00fe", "\u001b[2J");

    @Test
    void any_answer_becomes_facts_and_problems() {
        List<Variable> values = seedValues();
        SnmpProber prober = new SnmpProber(null, new RebootDetector());
        FuzzSuite.of("snmp-values", 30_000, random -> answer(random, values))
                .timeoutMillis(2_000)
                .maxAllocatedMegabytes(16)
                .run(answer -> interpret(prober, answer));
    }

    @Test
    void values_of_the_wrong_type_are_problems_not_crashes() throws Exception {
        PDU get = new PDU();
        get.setType(PDU.RESPONSE);
        try (var in = getClass().getResourceAsStream("/fuzz/snmp-values/wrong-types.snmprec")) {
            SnmprecFile.parse("wrong-types", new String(in.readAllBytes(), StandardCharsets.UTF_8)).values()
                    .forEach((oid, value) -> get.add(new VariableBinding(oid, value)));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        ProbeTarget target = new ProbeTarget(1, Method.SNMP, "127.0.0.1", 161, Duration.ofSeconds(1), Map.of(), null);

        var reason = new SnmpProber(null, new RebootDetector()).interpret(target, get, List.of(1, 2), facts, problems);

        assertThat(reason).isEqualTo(org.xueliang.tracker.agent.probe.Reason.UPLINK_DOWN);
        assertThat(problems).singleElement().asString().contains("1 (ifOperStatus is not a number)", "2 (ifOperStatus is not a number)");
        assertThat(facts).containsEntry("sysDescr", "42").doesNotContainKeys("sysUpTimeTicks", "upsBatteryStatus", "upsOutputSource");
    }

    /** One device answer: the GET response, the configured uplinks, the host-resources walks and two uptime readings. */
    private record Answer(long deviceId, PDU get, List<Integer> uplinks, List<VariableBinding> cpu,
                          List<VariableBinding> storage, SysUpTime.Reading before, SysUpTime.Reading after) {
    }

    private static void interpret(SnmpProber prober, Answer a) {
        ProbeTarget target = new ProbeTarget(a.deviceId(), Method.SNMP, "127.0.0.1", 161, Duration.ofSeconds(1), Map.of(), null);
        Map<String, String> facts = new LinkedHashMap<>();
        prober.interpret(target, a.get(), a.uplinks(), facts, new ArrayList<>());
        SnmpProber.hostResourceFacts(a.cpu(), a.storage(), facts);
        SysUpTime.rebooted(a.before(), a.after());
        SysUpTime.bootTime(a.after());
        for (VariableBinding vb : a.get().getVariableBindings()) {
            SnmpValues.text(vb.getVariable());
        }
    }

    private static Answer answer(Random random, List<Variable> values) {
        PDU get = new PDU();
        get.setType(PDU.RESPONSE);
        for (OID oid : INTERPRETED) {
            if (random.nextInt(8) > 0) {
                get.add(new VariableBinding(oid, value(random, values)));
            }
        }
        List<Integer> uplinks = random.nextBoolean() ? List.of() : List.of(1, 2, random.nextInt(5));
        Instant at = Instant.ofEpochSecond(random.nextLong(-1L << 40, 1L << 40));
        return new Answer(random.nextLong(1, 1000), get, uplinks,
                walk(random, values, SnmpProber.HR_PROCESSOR_LOAD, 1), walk(random, values, SnmpProber.HR_STORAGE_ENTRY, 2),
                new SysUpTime.Reading(edge(random), at),
                new SysUpTime.Reading(edge(random), at.plusSeconds(random.nextInt(1 << 20) - (1 << 19))));
    }

    /** Rows of a GETBULK walk under {@code root}: columns 3..6, small indexes, sometimes a stray OID length. */
    private static List<VariableBinding> walk(Random random, List<Variable> values, OID root, int depth) {
        List<VariableBinding> rows = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            OID oid = new OID(root);
            for (int d = random.nextInt(depth + 2); d > 0; d--) {
                oid.append(random.nextInt(8));
            }
            rows.add(new VariableBinding(oid, value(random, values)));
        }
        return rows;
    }

    private static Variable value(Random random, List<Variable> values) {
        return switch (random.nextInt(10)) {
            case 0 -> new Integer32((int) edge(random));
            case 1 -> new Counter64(edge(random));
            case 2 -> new TimeTicks(edge(random) & 0xFFFFFFFFL);
            case 3 -> new OctetString(MUTATOR.mutate(random, List.of(values.get(random.nextInt(values.size()))
                    .toString().getBytes(StandardCharsets.ISO_8859_1)), 3));
            case 4 -> random.nextBoolean() ? Null.noSuchObject : Null.endOfMibView;
            case 5 -> new Opaque(new byte[random.nextInt(4)]);
            case 6 -> new IpAddress(new byte[] {127, 0, 0, (byte) random.nextInt(256)});
            case 7 -> new OID(new int[] {1, 3, 6, 1, 4, 1, random.nextInt(), random.nextInt(100)});
            default -> values.get(random.nextInt(values.size()));
        };
    }

    private static long edge(Random random) {
        return random.nextBoolean() ? EDGES[random.nextInt(EDGES.length)] : random.nextLong();
    }

    /** Every value of the recordings (a mix of every SMI type real devices send), plus a few of each counter type. */
    private static List<Variable> seedValues() {
        List<Variable> values = new ArrayList<>(List.of(new Counter32(4294967295L), new Gauge32(0), new Counter64(-1)));
        List<byte[]> recordings = new ArrayList<>(Corpus.of("snmp-values"));
        recordings.addAll(Corpus.external("snmp-values",
                Path.of(System.getProperty("xl.testdata", "../../shared/testdata"), "snmp"), p -> p.toString().endsWith(".snmprec")));
        for (byte[] recording : recordings) {
            values.addAll(SnmprecFile.parse("seed", new String(recording, StandardCharsets.UTF_8)).values().values());
        }
        return values;
    }
}
