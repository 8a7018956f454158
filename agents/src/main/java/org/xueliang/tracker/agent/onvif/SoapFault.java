package org.xueliang.tracker.agent.onvif;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xueliang.tracker.agent.probe.Reason;

/**
 * A SOAP 1.2 (or 1.1) Fault: code, subcodes (e.g. {@code ter:NotAuthorized}) and reason text.
 * Subcode values keep their prefix as sent; {@link #isNotAuthorized()} compares local parts.
 */
public record SoapFault(String code, List<String> subcodes, String reasonText) {

    public SoapFault {
        subcodes = List.copyOf(subcodes);
    }

    static SoapFault from(XmlNode fault) {
        String code = "";
        List<String> subs = new ArrayList<>();
        XmlNode c = fault.child("Code").orElse(null);
        if (c != null) {
            code = c.child("Value").map(v -> v.text().trim()).orElse("");
            XmlNode s = c.child("Subcode").orElse(null);
            while (s != null && subs.size() < 8) {
                s.child("Value").map(v -> v.text().trim()).ifPresent(subs::add);
                s = s.child("Subcode").orElse(null);
            }
        } else {
            code = fault.child("faultcode").map(v -> v.text().trim()).orElse(""); // SOAP 1.1
        }
        String reason = fault.child("Reason").flatMap(r -> r.child("Text")).map(t -> t.text().trim())
                .or(() -> fault.child("faultstring").map(t -> t.text().trim()))
                .orElse("");
        return new SoapFault(code, subs, reason);
    }

    public boolean isNotAuthorized() {
        for (String s : subcodes) {
            if (local(s).equalsIgnoreCase("NotAuthorized")) {
                return true;
            }
        }
        String r = reasonText.toLowerCase(Locale.ROOT);
        return r.contains("401") || r.contains("unauthorized") || r.contains("not authorized")
                || r.contains("sender not authorized");
    }

    public boolean isActionNotSupported() {
        return subcodes.stream().map(SoapFault::local)
                .anyMatch(s -> s.equals("ActionNotSupported") || s.equals("InvalidOperation"));
    }

    public Reason probeReason() {
        return isNotAuthorized() ? Reason.AUTH_FAILED : Reason.BAD_RESPONSE;
    }

    public OnvifException toException() {
        return new OnvifException(probeReason(), "SOAP fault " + code + (subcodes.isEmpty() ? "" : " " + subcodes)
                + (reasonText.isEmpty() ? "" : ": " + reasonText));
    }

    private static String local(String qname) {
        int i = qname.indexOf(':');
        return i < 0 ? qname : qname.substring(i + 1);
    }
}
