package org.xueliang.tracker.agent.snmp.rec;

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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An snmpsim {@code .snmprec} recording: {@code OID|TYPE|VALUE} lines, TYPE the BER tag number, with an
 * {@code x} suffix when VALUE is hex ({@code 4x} for binary or CR/LF-carrying strings). Parsed into an
 * immutable map sorted by OID, so an agent answers GETNEXT/GETBULK with {@link NavigableMap#higherEntry}.
 *
 * <p>Tolerates what real recordings carry: a leading dot on OIDs (as keys or as OID values), CR/LF line
 * ends, blank lines and {@code #} comments, {@code |} inside values (only the first two separate fields),
 * unsorted lines. Lines that do not parse are skipped and listed in {@link #problems()} with their line
 * number: the LibreNMS recordings carry hand-scrubbed values ({@code 346288XXYYZZ} as "hex", OIDs with
 * {@code .xx.xx.} for address octets) and one odd-length hex string, which snmpsim rejects too.
 */
public final class SnmprecFile {

    private final String name;
    private final NavigableMap<OID, Variable> values;
    private final List<String> problems;

    private SnmprecFile(String name, NavigableMap<OID, Variable> values, List<String> problems) {
        this.name = name;
        this.values = Collections.unmodifiableNavigableMap(values);
        this.problems = List.copyOf(problems);
    }

    public static SnmprecFile read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), r);
        }
    }

    public static SnmprecFile parse(String name, String text) {
        try {
            return parse(name, new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail
        }
    }

    public static SnmprecFile parse(String name, Reader reader) throws IOException {
        NavigableMap<OID, Variable> map = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String line;
        int no = 0;
        while ((line = in.readLine()) != null) {
            no++;
            String l = stripLineEnd(line);
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            int p1 = l.indexOf('|');
            int p2 = p1 < 0 ? -1 : l.indexOf('|', p1 + 1);
            if (p2 < 0) {
                problems.add(problem(name, no, "expected OID|TYPE|VALUE"));
                continue;
            }
            try {
                OID oid = parseOid(l.substring(0, p1));
                Variable v = parseValue(l.substring(p1 + 1, p2).trim(), l.substring(p2 + 1));
                map.put(oid, v);
            } catch (RuntimeException e) {
                problems.add(problem(name, no, e.getMessage()));
            }
        }
        return new SnmprecFile(name, map, problems);
    }

    public String name() {
        return name;
    }

    /** OID → value, sorted by OID (lexicographic on sub-identifiers, as SNMP orders them). */
    public NavigableMap<OID, Variable> values() {
        return values;
    }

    /** Lines skipped because they do not parse, as "file line N: what is wrong". */
    public List<String> problems() {
        return problems;
    }

    public int size() {
        return values.size();
    }

    private static String stripLineEnd(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
            end--;
        }
        return line.substring(0, end);
    }

    static OID parseOid(String s) {
        String t = s.trim();
        if (t.startsWith(".")) {
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty OID");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                throw new IllegalArgumentException("not a numeric OID: '" + s + "'");
            }
        }
        return new OID(t);
    }

    static Variable parseValue(String type, String value) {
        boolean hex = type.endsWith("x");
        String tag = hex ? type.substring(0, type.length() - 1) : type;
        byte[] raw = hex ? HexFormat.of().parseHex(value.trim()) : null;
        switch (tag) {
            case "2":
                return new Integer32(Integer.parseInt(value.trim()));
            case "4":
                return hex ? new OctetString(raw) : new OctetString(value.getBytes(StandardCharsets.UTF_8));
            case "5":
                return Null.instance;
            case "6":
                return value.isBlank() ? new OID() : parseOid(value);
            case "64":
                return hex ? new IpAddress(raw) : new IpAddress(value.trim());
            case "65":
                return new Counter32(unsigned32(value));
            case "66":
                return new Gauge32(unsigned32(value));
            case "67":
                return new TimeTicks(unsigned32(value));
            case "68":
                return new Opaque(hex ? raw : value.getBytes(StandardCharsets.UTF_8));
            case "70": {
                BigInteger b = new BigInteger(value.trim());
                if (b.signum() < 0 || b.bitLength() > 64) {
                    throw new IllegalArgumentException("Counter64 out of range: " + value);
                }
                return new Counter64(b.longValue());
            }
            default:
                throw new IllegalArgumentException("unknown type tag '" + type + "'");
        }
    }

    private static long unsigned32(String v) {
        long l = Long.parseLong(v.trim());
        if (l < 0 || l > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("not an unsigned 32-bit value: " + v);
        }
        return l;
    }

    private static String problem(String file, int line, String what) {
        return file + " line " + line + ": " + what;
    }
}
