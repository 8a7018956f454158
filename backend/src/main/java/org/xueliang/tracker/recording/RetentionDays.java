package org.xueliang.tracker.recording;

import java.util.List;
import java.util.Map;

import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * 录像保存天数 of one camera from somewhere other than this module's settings (the 一机一档 archive keeps it per
 * camera). Implement it as a Spring bean in the module that knows; the first bean with a value wins over
 * {@code XL_RECORDING_RETENTION_DAYS_BY_CATEGORY} and {@code XL_RECORDING_RETENTION_DAYS}. Must not write anything.
 * Asked for all the cameras of a page or a period at once, so a source reads its data in one go.
 */
public interface RetentionDays {

    /** The days each camera must keep its recordings, by device id; a camera this source does not speak for is absent. */
    Map<Long, Integer> of(List<Camera> cameras);
}
