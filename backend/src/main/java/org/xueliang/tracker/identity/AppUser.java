package org.xueliang.tracker.identity;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person who logs in. The password is a bcrypt hash; repeated failures lock the account for a while. */import org.xueliang.tracker.shared.TimestampedEntity;

@Entity
@Table(name = "app_user")
public class AppUser extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String displayName;
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    private Role role;
    private boolean allProjects = true;
    private boolean enabled = true;
    private int failedAttempts;
    private Instant lockedUntil;
    private Instant lastLoginAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_project", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "project_id")
    private Set<Long> projectIds = new LinkedHashSet<>();

    protected AppUser() {
    }

    public AppUser(String username, String displayName, String passwordHash, Role role) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
    }


    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failed login; at {@code max} failures the account locks until {@code lockUntil}. */
    void recordFailure(int max, Instant lockUntil) {
        failedAttempts++;
        if (failedAttempts >= max) {
            lockedUntil = lockUntil;
            failedAttempts = 0;
        }
    }

    void recordSuccess(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    AccessScope scope() {
        return role == Role.ADMIN || allProjects ? AccessScope.EVERYTHING : new AccessScope(false, Set.copyOf(projectIds));
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    void setDisplayName(String displayName) { this.displayName = displayName; }
    String getPasswordHash() { return passwordHash; }
    void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public Role getRole() { return role; }
    void setRole(Role role) { this.role = role; }
    public boolean isAllProjects() { return allProjects; }
    void setAllProjects(boolean allProjects) { this.allProjects = allProjects; }
    public boolean isEnabled() { return enabled; }
    void setEnabled(boolean enabled) { this.enabled = enabled; }
    public int getFailedAttempts() { return failedAttempts; }
    public Instant getLockedUntil() { return lockedUntil; }
    public Instant getLastLoginAt() { return lastLoginAt; }
    public Set<Long> getProjectIds() { return Set.copyOf(projectIds); }
    void setProjectIds(Set<Long> ids) { projectIds.clear(); projectIds.addAll(ids); }
}
