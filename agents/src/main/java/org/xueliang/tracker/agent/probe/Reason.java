package org.xueliang.tracker.agent.probe;

/** Why a probe came out as it did: a closed set the UI translates and the technician acts on. */
public enum Reason {
    OK,
    /** No route, host unreachable, connection reset. */
    UNREACHABLE,
    /** The connection was refused: the host is up but nothing listens. */
    REFUSED,
    /** No answer within the probe's timeout. */
    TIMEOUT,
    /** Credentials rejected (ONVIF 401/NotAuthorized, SNMPv3 USM report, wrong community). */
    AUTH_FAILED,
    /** The device answered with something we cannot use (malformed XML, SOAP fault, oversized body). */
    BAD_RESPONSE,
    /** No snapshot could be fetched: no video. */
    NO_VIDEO,
    /** The snapshot is (nearly) all black. */
    BLACK_VIDEO,
    /** The snapshot is identical to the previous one. */
    FROZEN_VIDEO,
    /** The device clock is off by more than the tolerance. */
    CLOCK_DRIFT,
    /** A configured uplink interface reports ifOperStatus other than up. */
    UPLINK_DOWN,
    /** UPS on battery or battery low. */
    ON_BATTERY,
    /** GB/T 28181: no keepalive for {@code XL_GB_KEEPALIVE_MISSES} expected intervals. */
    GB_KEEPALIVE_TIMEOUT,
    /** GB/T 28181: the device unregistered (REGISTER with Expires 0) or its registration lapsed. */
    GB_UNREGISTERED,
    /** GB/T 28181: the channel reports OFF (catalog status or NOTIFY event). */
    GB_CHANNEL_OFF,
    /** GB/T 28181: the channel's video is lost (NOTIFY event VLOST, 视频丢失). */
    VIDEO_LOST,
    /** GB/T 28181: the channel reports a fault (NOTIFY event DEFECT, 故障). */
    GB_CHANNEL_DEFECT,
    /** The scheduled picture-quality check (VQD) found faults; the detail names the classes and scores. */
    VQD_FAULT
}
