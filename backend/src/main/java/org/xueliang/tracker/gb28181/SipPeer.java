package org.xueliang.tracker.gb28181;

import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;

import gov.nist.javax.sip.stack.SIPTransaction;

/**
 * Who sent a request: the device code (the From URI's user part, as GB/T 28181 devices send it) and the host, port
 * and transport the packet or connection came from, which is where the server answers and later sends its queries.
 */
record SipPeer(String deviceCode, String host, int port, String transport) {

    private static final java.util.regex.Pattern DEVICE_CODE = java.util.regex.Pattern.compile("\\d{20}");

    static SipPeer of(Request request, ServerTransaction transaction) {
        SIPTransaction t = (SIPTransaction) transaction;
        String host = t.getPeerPacketSourceAddress() != null ? t.getPeerPacketSourceAddress().getHostAddress() : t.getPeerAddress();
        int port = t.getPeerPacketSourcePort() > 0 ? t.getPeerPacketSourcePort() : t.getPeerPort();
        return new SipPeer(fromUser(request), host, port, t.getTransport().toUpperCase());
    }

    /** The From user part, or "" when the From URI is not a SIP URI or names no user. */
    static String fromUser(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        if (from != null && from.getAddress().getURI() instanceof SipURI uri && uri.getUser() != null) {
            return uri.getUser();
        }
        return "";
    }

    boolean hasDeviceCode() {
        return DEVICE_CODE.matcher(deviceCode).matches();
    }

    GbRegistrations.Address address() {
        return new GbRegistrations.Address(deviceCode, host, port, transport);
    }
}
