package org.xueliang.tracker.gb28181;

import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

import org.springframework.stereotype.Component;

/** JAIN-SIP's factories of the NIST implementation (addresses, headers, messages), made once. */
@Component
class SipFactories {

    private final SipFactory sip;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;

    SipFactories() throws PeerUnavailableException {
        sip = SipFactory.getInstance();
        sip.setPathName("gov.nist");
        addresses = sip.createAddressFactory();
        headers = sip.createHeaderFactory();
        messages = sip.createMessageFactory();
    }

    SipFactory sip() { return sip; }

    AddressFactory addresses() { return addresses; }

    HeaderFactory headers() { return headers; }

    MessageFactory messages() { return messages; }
}
