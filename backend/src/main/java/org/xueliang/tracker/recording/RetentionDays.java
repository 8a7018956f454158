package org.xueliang.tracker.recording;

import java.util.OptionalInt;

import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * 录像保存天数 of one camera from somewhere other than this module's settings (the 一机一档 archive keeps it per
 * camera). Implement it as a Spring bean in the module that knows; the first bean with a value wins over
 * {@code XL_RECORDING_RETENTION_DAYS_BY_CATEGORY} and {@code XL_RECORDING_RETENTION_DAYS}. Must not write anything.
 */
public interface RetentionDays {

    /** The days the camera must keep its recordings, empty when this source does not say. */
    OptionalInt of(Camera camera);
}
