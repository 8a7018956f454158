package org.xueliang.tracker.gb28181;

import java.time.Instant;

/**
 * Published inside the transaction that stores the last part of a retention probe's answer: channel
 * {@code channelCode} was asked for [{@code windowStart}, {@code windowEnd}), the day that ends 录像保存天数 ago, and
 * {@code earliest} is the oldest recording it listed there — null when it listed none, so its recordings do not reach
 * back that far.
 */
public record GbRetentionAnswered(String channelCode, Instant windowStart, Instant windowEnd, Instant earliest,
                                  Instant answeredAt) {
}
