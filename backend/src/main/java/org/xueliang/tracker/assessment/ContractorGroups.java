package org.xueliang.tracker.assessment;

import java.util.List;
import java.util.Map;

import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * The hook for grouping a sheet by 维保单位 (maintenance contractor): the module that knows each camera's contractor
 * (the 一机一档 archive) provides one bean of this type; without one, a sheet has no contractor groups and
 * {@code groupBy=contractor} says so. Must not write anything.
 */
public interface ContractorGroups {

    /** The contractor's name of each camera that has one (cameras without one are left out of the map). */
    Map<Long, String> contractors(long projectId, List<Camera> cameras);
}
