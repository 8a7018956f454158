package org.xueliang.tracker.gb28181;

import java.time.Instant;
import java.util.Set;

import org.xueliang.tracker.agent.gb.ManscdpMessage;

/**
 * Handles the MANSCDP bodies of one or more CmdTypes that devices send (in MESSAGE or NOTIFY requests), other than
 * Keepalive, which the SIP layer handles itself. Spring beans; the SIP layer answers the request with 200 once the
 * body parsed, and hands it to the handler of its CmdType. {@code deviceCode} is the sender (From user part), which
 * for an NVR is the NVR's code even when the body's DeviceID names a channel.
 */
public interface ManscdpHandler {

    Set<String> cmdTypes();

    void handle(String deviceCode, ManscdpMessage message, Instant receivedAt);
}
