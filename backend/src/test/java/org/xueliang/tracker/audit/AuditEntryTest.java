package org.xueliang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xueliang.tracker.testing.Records.with;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The chain rule: SHA-256 over the previous hash and every field, so any change to any field shows. */
class AuditEntryTest {

    static final AuditEntry ENTRY = new AuditEntry(42, Instant.parse("2021-08-24T02:03:04.567Z"), "admin", "UPDATE",
            "Device", "17", "Updated device JS-XL1-FC-001", "{\"name\":\"旧\"}", "{\"name\":\"新\"}",
            1L, 2, "ab".repeat(32), null);

    @Test
    void hashesTheSameEntryTheSameWay() {
        String hash = ENTRY.computeHash();
        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(ENTRY.computeHash()).isEqualTo(hash);
        assertThat(with(ENTRY, "hash", hash).computeHash()).as("the stored hash is not part of its own input").isEqualTo(hash);
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("id", 43L),
                Arguments.of("occurredAt", Instant.parse("2021-08-24T02:03:04.568Z")),
                Arguments.of("actor", "admin2"),
                Arguments.of("action", "DELETE"),
                Arguments.of("entityType", "User"),
                Arguments.of("entityId", "18"),
                Arguments.of("entityId", null),
                Arguments.of("summary", "Updated device JS-XL1-FC-002"),
                Arguments.of("summary", ""),
                Arguments.of("beforeJson", "{\"name\":\"旧 \"}"),
                Arguments.of("beforeJson", null),
                Arguments.of("afterJson", "{\"name\":\"新新\"}"),
                Arguments.of("projectId", 2L),
                Arguments.of("projectId", null),
                Arguments.of("hashVersion", 1),
                Arguments.of("prevHash", "ac".repeat(32)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("changes")
    void changesWhenAnyFieldChanges(String field, Object value) {
        assertThat(with(ENTRY, field, value).computeHash()).isNotEqualTo(ENTRY.computeHash());
    }

    @Test
    void everyHashedFieldIsCoveredByTheCases() {
        assertThat(changes().map(a -> (String) a.get()[0]).distinct())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(AuditEntry.class.getRecordComponents())
                        .map(c -> c.getName()).filter(n -> !n.equals("hash")).toList());
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        AuditEntry ab = with(with(ENTRY, "actor", "ab"), "action", "c");
        AuditEntry a = with(with(ENTRY, "actor", "a"), "action", "bc");
        assertThat(ab.computeHash()).isNotEqualTo(a.computeHash());
    }

    @Test
    void versionOneEntriesKeepTheirOldHashWhichLeftOutTheProject() {
        AuditEntry v1 = with(ENTRY, "hashVersion", 1);
        assertThat(with(v1, "projectId", 99L).computeHash()).as("version 1 did not cover project_id").isEqualTo(v1.computeHash());
        assertThat(v1.computeHash()).isNotEqualTo(ENTRY.computeHash());
    }

    @Test
    void anUnknownVersionNeverMatches() {
        AuditEntry v3 = with(with(ENTRY, "hashVersion", 3), "hash", ENTRY.computeHash());
        assertThat(v3.hashMatches()).isFalse();
    }
}
