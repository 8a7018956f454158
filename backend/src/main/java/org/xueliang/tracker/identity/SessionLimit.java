package org.xueliang.tracker.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * At most {@code xl.security.max-sessions-per-user} (default 5) browser sessions per user (等保 2.0 level 3,
 * docs/SECURITY.md). A login beyond the limit succeeds and ends the user's least recently used sessions: the
 * person at the keyboard now is let in (refusing the login would let a forgotten or stolen session lock its owner
 * out), and the session nobody has used for longest is the one most likely abandoned. The count is per user across
 * all replicas (the sessions are in the database); two logins at the very same moment may each keep one too many,
 * until the next login or the idle timeout.
 */
@Component
class SessionLimit {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final int max;

    SessionLimit(FindByIndexNameSessionRepository<? extends Session> sessions,
                 @Value("${xl.security.max-sessions-per-user:5}") int max) {
        this.sessions = sessions;
        this.max = Math.max(1, max);
    }

    /** Called on a successful login: leaves room for the login's own session among the user's {@code max}. */
    void makeRoomFor(String username, HttpServletRequest login) {
        HttpSession current = login.getSession(false);
        // The login's own session: its id changed at login, and the stored row may still carry the requested one.
        Set<String> own = new HashSet<>();
        if (current != null) {
            own.add(current.getId());
        }
        if (login.getRequestedSessionId() != null) {
            own.add(login.getRequestedSessionId());
        }
        List<Session> others = new ArrayList<>();
        sessions.findByPrincipalName(username).forEach((id, s) -> {
            if (!own.contains(id)) {
                others.add(s);
            }
        });
        others.sort(Comparator.comparing(Session::getLastAccessedTime));
        for (int i = 0; i < others.size() - (max - 1); i++) {
            sessions.deleteById(others.get(i).getId());
        }
    }
}
