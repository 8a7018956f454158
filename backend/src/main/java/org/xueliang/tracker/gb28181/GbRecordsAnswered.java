package org.xueliang.tracker.gb28181;

import java.time.Instant;

/**
 * Published inside the transaction that stores the last part of a RecordInfo answer (the query is OK): the channel
 * {@code channelCode} answered for [{@code windowStart}, {@code windowEnd}), so that window was measured even when it
 * holds no recording. The recording module keeps these windows (录像完整率: a day no source answered is not measured).
 */
public record GbRecordsAnswered(String channelCode, Instant windowStart, Instant windowEnd, Instant answeredAt) {
}
