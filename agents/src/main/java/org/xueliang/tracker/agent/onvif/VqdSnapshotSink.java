package org.xueliang.tracker.agent.onvif;

import java.time.Instant;

/**
 * Where the picture each scheduled check judged goes, so the device page can show it beside the verdicts
 * (docs/VQD.md "The checked picture"): the standalone agent uploads it ({@code transport.VqdSnapshotUpload}), the
 * backend's embedded agent hands it over in-process. The picture is evidence, not data that must arrive: the check's
 * facts travel in the spooled batch whatever happens here, so a sink drops what it cannot deliver.
 */
@FunctionalInterface
public interface VqdSnapshotSink {

    /** Keeps nothing (tools and tests that do not look at the picture). */
    VqdSnapshotSink NONE = (deviceId, checkedAt, jpeg) -> { };

    /**
     * The snapshot of the check at {@code checkedAt} (the {@code vqd.checkedAt} fact), reduced to analysis size
     * ({@link org.xueliang.tracker.agent.vqd.ReducedPicture}, JPEG). Called on the probe's thread: must not block long.
     */
    void checked(long deviceId, Instant checkedAt, byte[] jpeg);
}
