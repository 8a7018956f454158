package org.xueliang.tracker.gb28181;

/**
 * How a catalog SUBSCRIBE the server sent ended (read off the SIP layer's {@link GbRequestAnswered}): {@code sipStatus}
 * is the final response's status code (408 when the device never answered). 2xx: subscribed; anything else: the device does not support the
 * catalog subscription and is not asked again until it registers anew.
 */
record GbSubscribeAnswered(String deviceCode, int sipStatus) {

    public boolean accepted() {
        return sipStatus >= 200 && sipStatus < 300;
    }
}
