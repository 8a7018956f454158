package org.xueliang.tracker.identity;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Users, and the login counters as single conditional UPDATE statements: the database serialises them
 * on the row, so parallel logins of one user neither lose a count nor fail on the entity's version
 * (bulk updates leave {@code version} alone).
 */
public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    @Query("select u.id from AppUser u where u.username = :username")
    Optional<Long> idOf(@Param("username") String username);

    /** When the user's password was set (null: must change); empty when there is no such user. */
    @Query("select u.passwordChangedAt from AppUser u where u.username = :username")
    Optional<Instant> passwordChangedAt(@Param("username") String username);

    /** Counts one failed login unless the account is locked at {@code now}; 1 when counted. */
    @Modifying
    @Query("update AppUser u set u.failedAttempts = u.failedAttempts + 1"
            + " where u.username = :username and (u.lockedUntil is null or u.lockedUntil <= :now)")
    int countFailure(@Param("username") String username, @Param("now") Instant now);

    /** Locks the account once the count reached {@code max}, restarting the count; 1 for the request that locked it. */
    @Modifying
    @Query("update AppUser u set u.lockedUntil = :until, u.failedAttempts = 0"
            + " where u.username = :username and u.failedAttempts >= :max")
    int lockWhenOver(@Param("username") String username, @Param("max") int max, @Param("until") Instant until);

    /**
     * Records a successful login at {@code now} (count and lock cleared) unless nothing would change
     * but the time and the last recorded login is after {@code quietSince}; 1 when recorded.
     */
    @Modifying
    @Query("update AppUser u set u.failedAttempts = 0, u.lockedUntil = null, u.lastLoginAt = :now"
            + " where u.username = :username and (u.failedAttempts > 0 or u.lockedUntil is not null"
            + " or u.lastLoginAt is null or u.lastLoginAt <= :quietSince)")
    int recordLogin(@Param("username") String username, @Param("now") Instant now, @Param("quietSince") Instant quietSince);
}
