package org.xueliang.tracker.notification;

import java.time.Instant;

/** One thing to announce: a short title, the plain-text body, and the structured event for webhooks. */
public record Notice(String eventKey, long deviceId, String title, String text, Event event) {

    public record Event(String type, long deviceId, String assetTag, String deviceName, String siteName, String from,
                        String to, Instant at, String reason) {
    }
}
