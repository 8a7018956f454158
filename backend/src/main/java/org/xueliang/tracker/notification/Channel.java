package org.xueliang.tracker.notification;

import java.time.Instant;

/**
 * A configured channel. {@code hasSecret} tells whether a DingTalk signing secret is stored; the secret is never returned.
 * {@code pendingNotices} are in the outbox waiting to be sent (or being retried), {@code failedNotices} were given up
 * after the last attempt; {@code lastFailure} is the error of the newest of those.
 */
public record Channel(long id, String name, ChannelKind kind, String target, boolean hasSecret, boolean enabled,
                      Instant createdAt, long pendingNotices, long failedNotices, String lastFailure) {
}
