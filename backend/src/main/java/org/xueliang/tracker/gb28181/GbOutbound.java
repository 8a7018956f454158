package org.xueliang.tracker.gb28181;

import org.xueliang.tracker.agent.gb.ManscdpMessage;

/**
 * Requests the server sends to a registered device, over the transport and to the address it registered from (read
 * from {@code gb_registration}, so any replica can send). Implemented by the SIP layer; used by the queries
 * (Catalog, DeviceInfo, DeviceStatus, RecordInfo) and the catalog subscription. Sending is asynchronous: the device's
 * answer arrives later as a MESSAGE (or NOTIFY) and reaches the {@link ManscdpHandler} for its CmdType.
 */
public interface GbOutbound {

    /** Sends {@code body} in a MESSAGE to the device; false when the device is not registered (nothing sent). */
    boolean message(String deviceCode, ManscdpMessage body);

    /** Sends a SUBSCRIBE (Event: Catalog) with {@code body} and the expiry; false when not registered. */
    boolean subscribeCatalog(String deviceCode, ManscdpMessage body, int expiresSeconds);
}
