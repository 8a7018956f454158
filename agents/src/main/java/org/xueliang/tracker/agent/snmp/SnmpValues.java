package org.xueliang.tracker.agent.snmp;

import org.snmp4j.smi.AssignableFromInteger;
import org.snmp4j.smi.AssignableFromLong;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/** Turning SNMP values into the text a technician reads. */
public final class SnmpValues {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private SnmpValues() {
    }

    /** True for noSuchObject, noSuchInstance, endOfMibView and null. */
    public static boolean absent(Variable v) {
        return v == null || v.isException() || v.getSyntax() == org.snmp4j.smi.SMIConstants.SYNTAX_NULL;
    }

    /**
     * The value of an INTEGER, Counter, Gauge or TimeTicks; empty for any other type. A device may answer with any
     * type under any OID, and snmp4j's {@code toLong()} throws on an OCTET STRING or an OID.
     */
    public static OptionalLong number(Variable v) {
        if (absent(v) || !(v instanceof AssignableFromInteger || v instanceof AssignableFromLong)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(v.toLong());
    }

    /**
     * An OCTET STRING as text: UTF-8 when it decodes, else GB18030 (Chinese devices), else Latin-1; trailing
     * NULs and surrounding whitespace dropped. snmp4j's own toString() turns anything with a byte ≥ 0x80
     * (any Chinese text) or an odd control character into hex, which is unreadable in the ledger.
     */
    public static String text(Variable v) {
        if (absent(v)) {
            return null;
        }
        if (!(v instanceof OctetString os)) {
            return v.toString();
        }
        byte[] b = os.getValue();
        int end = b.length;
        while (end > 0 && b[end - 1] == 0) {
            end--;
        }
        ByteBuffer buf = ByteBuffer.wrap(b, 0, end);
        for (Charset cs : new Charset[]{StandardCharsets.UTF_8, GB18030}) {
            try {
                return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf.duplicate()).toString().strip();
            } catch (CharacterCodingException e) {
                // try the next charset
            }
        }
        return new String(b, 0, end, StandardCharsets.ISO_8859_1).strip();
    }
}
