package org.xueliang.tracker.gb28181;

import java.util.Collection;
import java.util.Map;

/**
 * Which channels need a retention probe and how far back (录像保存天数): the recording module knows both (a camera
 * no other source reports the retention of, and its days). Implement it as a Spring bean there; without one no probe
 * is sent. Must not write anything.
 */
public interface GbRetentionTargets {

    /** 录像保存天数 by channel code for the channels to probe among {@code channelCodes}; the others are absent. */
    Map<String, Integer> retentionDays(Collection<String> channelCodes);
}
