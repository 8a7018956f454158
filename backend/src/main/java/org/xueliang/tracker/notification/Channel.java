package org.xueliang.tracker.notification;

import java.time.Instant;

/** A configured channel. {@code hasSecret} tells whether a DingTalk signing secret is stored; the secret is never returned. */
public record Channel(long id, String name, ChannelKind kind, String target, boolean hasSecret, boolean enabled,
                      Instant createdAt) {
}
