package org.xueliang.tracker.shared;

import java.util.Set;

/**
 * Which projects the current request may see, for modules below identity in the dependency order
 * (the audit log, which identity itself writes to). Implemented by identity's {@code CurrentUser}.
 */
public interface VisibleProjects {

    /** null when the user may see every project; otherwise the ids of the projects they may see (possibly none). */
    Set<Long> limitedTo();
}
