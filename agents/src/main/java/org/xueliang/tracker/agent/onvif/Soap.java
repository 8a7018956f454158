package org.xueliang.tracker.agent.onvif;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.xueliang.tracker.agent.probe.Reason;

/**
 * SOAP 1.2 envelopes as text, and the reading of answers: HTML error pages, faults and the first
 * element of the Body. Used by the client and by the simulator.
 */
public final class Soap {

    public static final String ENV_NS = "http://www.w3.org/2003/05/soap-envelope";
    public static final String DEVICE_NS = "http://www.onvif.org/ver10/device/wsdl";
    public static final String MEDIA_NS = "http://www.onvif.org/ver10/media/wsdl";
    public static final String MEDIA2_NS = "http://www.onvif.org/ver20/media/wsdl";
    public static final String SCHEMA_NS = "http://www.onvif.org/ver10/schema";
    public static final String ERROR_NS = "http://www.onvif.org/ver10/error";
    public static final String CONTENT_TYPE = "application/soap+xml; charset=utf-8";

    private Soap() {
    }

    /** An envelope with an optional header block (already XML) around a body (already XML). */
    public static String envelope(String header, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<s:Envelope xmlns:s=\"" + ENV_NS + "\" xmlns:tds=\"" + DEVICE_NS + "\" xmlns:trt=\"" + MEDIA_NS
                + "\" xmlns:tt=\"" + SCHEMA_NS + "\" xmlns:ter=\"" + ERROR_NS + "\">"
                + (header == null || header.isEmpty() ? "" : "<s:Header>" + header + "</s:Header>")
                + "<s:Body>" + body + "</s:Body></s:Envelope>";
    }

    /** A fault envelope: code Sender/Receiver, subcodes as prefixed names (ter:…), reason text. */
    public static String fault(String code, String subcode, String subsubcode, String reason) {
        String sub = subcode == null ? "" : "<s:Subcode><s:Value>" + subcode + "</s:Value>"
                + (subsubcode == null ? "" : "<s:Subcode><s:Value>" + subsubcode + "</s:Value></s:Subcode>")
                + "</s:Subcode>";
        return envelope(null, "<s:Fault><s:Code><s:Value>s:" + code + "</s:Value>" + sub + "</s:Code>"
                + "<s:Reason><s:Text xml:lang=\"en\">" + SafeXml.escape(reason) + "</s:Text></s:Reason></s:Fault>");
    }

    /**
     * The first element inside the Body of a device answer. HTML pages (401 pages of embedded web
     * servers), faults and anything that is not a SOAP envelope become an {@link OnvifException}.
     */
    public static XmlNode body(byte[] raw, int httpStatus) throws OnvifException {
        if (looksLikeHtml(raw)) {
            if (httpStatus == 401 || mentionsUnauthorized(raw)) {
                throw new OnvifException(Reason.AUTH_FAILED, "HTTP " + httpStatus + " with an HTML page: unauthorized");
            }
            throw new OnvifException(Reason.BAD_RESPONSE, "HTTP " + httpStatus + " with an HTML page instead of SOAP");
        }
        if (raw.length == 0) {
            throw new OnvifException(httpStatus == 401 ? Reason.AUTH_FAILED : Reason.BAD_RESPONSE,
                    "HTTP " + httpStatus + " with an empty body");
        }
        XmlNode env;
        try {
            env = SafeXml.parse(raw);
        } catch (OnvifException e) {
            if (httpStatus == 401) {
                throw new OnvifException(Reason.AUTH_FAILED, "HTTP 401; body unreadable: " + e.getMessage(), e);
            }
            throw e;
        }
        if (!env.localName().equals("Envelope")) {
            throw new OnvifException(Reason.BAD_RESPONSE, "not a SOAP envelope: root element <" + env.localName() + ">");
        }
        XmlNode body = env.child("Body")
                .orElseThrow(() -> new OnvifException(Reason.BAD_RESPONSE, "SOAP envelope without a Body"));
        if (body.children().isEmpty()) {
            throw new OnvifException(Reason.BAD_RESPONSE, "empty SOAP Body");
        }
        XmlNode first = body.children().get(0);
        if (first.localName().equals("Fault")) {
            SoapFault f = SoapFault.from(first);
            if (httpStatus == 401 && !f.isNotAuthorized()) {
                throw new OnvifException(Reason.AUTH_FAILED, f.toException().getMessage() + " (HTTP 401)");
            }
            throw f.toException();
        }
        if (httpStatus == 401) {
            throw new OnvifException(Reason.AUTH_FAILED, "HTTP 401 Unauthorized");
        }
        return first;
    }

    static boolean looksLikeHtml(byte[] raw) {
        String head = new String(raw, 0, Math.min(raw.length, 256), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("\ufeff") || head.startsWith("ï»¿")) {
            head = head.substring(head.startsWith("\ufeff") ? 1 : 3).stripLeading();
        }
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
                || head.startsWith("<body");
    }

    private static boolean mentionsUnauthorized(byte[] raw) {
        String s = new String(raw, 0, Math.min(raw.length, 4096), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return s.contains("401") || s.contains("unauthorized");
    }
}
