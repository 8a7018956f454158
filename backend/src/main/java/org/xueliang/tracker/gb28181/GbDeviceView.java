package org.xueliang.tracker.gb28181;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A device as the GB/T 28181 server knows it ({@code GET /api/v1/gb28181/devices/{code}} and
 * {@code GET /api/v1/devices/{id}/gb}): its registration with what the queries learnt, its channels (an NVR's
 * cameras, each with its own status and linked ledger device), and, for a camera that is a channel of a recorder,
 * that channel as its recorder reports it.
 */
public record GbDeviceView(String code, Long ledgerDeviceId, Registration registration, List<Channel> channels,
                           List<ChannelOf> channelOf) {

    /** Null in the view when the device never registered. */
    public record Registration(boolean registered, String address, int port, String transport, int expiresSeconds,
                               Instant registeredAt, Instant expiresAt, Instant unregisteredAt, Instant lastKeepaliveAt,
                               long keepaliveCount, String manufacturer, String model, String firmware, Integer channelCount,
                               Long clockOffsetMs, String statusOnline, String statusRecord, String alarmStatus,
                               Instant statusAt, Instant catalogAt, Instant subscribedUntil, Integer subscribeRefusal) {
    }

    public record Channel(String code, String name, String manufacturer, String model, String address, Integer ptzType,
                          BigDecimal longitude, BigDecimal latitude, String status, String lastEvent, Instant eventAt,
                          Instant removedAt, Long ledgerDeviceId, RecordQuery lastRecordQuery) {
    }

    /** This device as a channel of the recorder {@code deviceCode}. */
    public record ChannelOf(String deviceCode, Long ledgerDeviceId, String status, String lastEvent, Instant eventAt,
                            Instant removedAt, RecordQuery lastRecordQuery) {
    }

    /** The channel's last RecordInfo query; recordedSeconds: how much of its window the intervals cover. */
    public record RecordQuery(Instant queriedAt, Instant windowStart, Instant windowEnd, String outcome, int intervalCount,
                              long recordedSeconds) {

        RecordQuery withRecorded(long seconds) {
            return new RecordQuery(queriedAt, windowStart, windowEnd, outcome, intervalCount, seconds);
        }
    }
}
