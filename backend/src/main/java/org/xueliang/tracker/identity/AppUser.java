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

import org.hibernate.annotations.DynamicUpdate;
import org.xueliang.tracker.shared.TimestampedEntity;

/**
 * A person who logs in. The password is a bcrypt hash; repeated failures lock the account for a while.
 * The login counters ({@code failed_attempts}, {@code locked_until}, {@code last_login_at}) are written
 * by {@link LoginAttempts} with single SQL statements that do not touch the version, so parallel logins
 * never conflict; {@link DynamicUpdate} keeps an edit of this entity from writing back stale counters.
 */
@Entity
@DynamicUpdate
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
    /** When the password was last set; null = it must be changed at the next login. */
    private Instant passwordChangedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_project", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "project_id")
    private Set<Long> projectIds = new LinkedHashSet<>();

    protected AppUser() {
    }

    /** {@code passwordChangedAt} null: the password must be changed at the first login. */
    public AppUser(String username, String displayName, String passwordHash, Instant passwordChangedAt, Role role) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = passwordChangedAt;
        this.role = role;
    }


    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** A new password hash, set at {@code now}; {@code now} null = it must be changed at the next login. */
    void setPassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
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
    Instant getPasswordChangedAt() { return passwordChangedAt; }
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
