package org.xueliang.tracker.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.Texts;

/**
 * The versions of a camera's archive as people read them: who, when, from where, and which own fields changed against
 * the version before (old → new, enumerations as labels in the reader's language).
 */
@Component
class ArchiveHistory {

    private final ArchiveService service;
    private final ArchiveWords words;

    ArchiveHistory(ArchiveService service, ArchiveWords words) {
        this.service = service;
        this.words = words;
    }

    /** One version of {@code GET /api/v1/devices/{id}/archive/versions[/{no}]}. */
    record VersionView(long deviceId, int version, String source, String sourceLabel, Instant changedAt,
                       String changedBy, Map<String, String> archive, List<Change> changes) {
    }

    /** A field that differs from the version before; {@code before}/{@code after} null = not filled in. */
    record Change(String field, String label, String before, String after, String beforeText, String afterText) {
    }

    /** Every version, newest first. */
    List<VersionView> of(long deviceId) {
        List<ArchiveVersions.Version> all = service.versions(deviceId);
        List<VersionView> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            out.add(view(all.get(i), i + 1 < all.size() ? all.get(i + 1) : null));
        }
        return out;
    }

    VersionView one(long deviceId, int number) {
        ArchiveVersions.Version v = service.version(deviceId, number);
        ArchiveVersions.Version previous = number > 1 ? service.version(deviceId, number - 1) : null;
        return view(v, previous);
    }

    private VersionView view(ArchiveVersions.Version v, ArchiveVersions.Version previous) {
        Locale locale = Texts.current();
        Map<ArchiveField, String> before = previous == null ? Map.of() : previous.values();
        List<Change> changes = new ArrayList<>();
        for (ArchiveField f : ArchiveStore.OWN) {
            String old = before.get(f);
            String now = v.values().get(f);
            if (!Objects.equals(old, now)) {
                changes.add(new Change(f.code(), words.field(locale, f), old, now, words.display(locale, f, old),
                        words.display(locale, f, now)));
            }
        }
        return new VersionView(v.deviceId(), v.number(), v.source().name(),
                words.texts(locale, "archive.version.source." + v.source().name()), v.changedAt(), v.changedBy(),
                ArchiveService.byCode(v.values()), changes);
    }
}
