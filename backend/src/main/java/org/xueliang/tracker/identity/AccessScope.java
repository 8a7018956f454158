package org.xueliang.tracker.identity;

import java.util.Set;

/**
 * Which projects the current user may see: all of them, or a listed few (a prefecture installation
 * serves several counties, each seeing only its own). Records outside the scope answer 404, as if
 * they did not exist.
 */
public record AccessScope(boolean all, Set<Long> projectIds) {

    public static final AccessScope EVERYTHING = new AccessScope(true, Set.of());

    public boolean allows(Long projectId) {
        return all || (projectId != null && projectIds.contains(projectId));
    }
}
