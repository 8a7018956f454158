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

    /**
     * The SQL condition that keeps rows of the scope's projects, {@code " AND <column> IN (?,…)"} with the ids added to
     * {@code args}: empty for a user of every project, a condition no row meets for a user of none.
     */
    public String sqlFilter(String column, java.util.List<Object> args) {
        if (all) {
            return "";
        }
        if (projectIds.isEmpty()) {
            return " AND 1 = 0";
        }
        args.addAll(projectIds);
        return " AND " + column + " IN (" + String.join(",", java.util.Collections.nCopies(projectIds.size(), "?")) + ")";
    }
}
