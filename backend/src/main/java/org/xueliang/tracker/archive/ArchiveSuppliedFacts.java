package org.xueliang.tracker.archive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.archive.ArchiveRules.Status;
import org.xueliang.tracker.assessment.ContractorGroups;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.recording.RetentionDays;

/**
 * What the 一机一档 tells other modules of a camera: its 维保单位 (the monthly sheet groups and ranks by it) and its
 * 录像保存天数 (the recording module's retention check). Only values that pass the field's rule count; a retention
 * left at the archive's default is not said here, so the recording module's per-category setting still applies.
 */
@Component
class ArchiveSuppliedFacts implements ContractorGroups, RetentionDays {

    private final ArchiveService archives;

    ArchiveSuppliedFacts(ArchiveService archives) {
        this.archives = archives;
    }

    @Override
    public Map<Long, String> contractors(long projectId, List<Camera> cameras) {
        Map<Long, String> out = new HashMap<>();
        for (CameraArchive a : archives.archives(projectId, cameras)) {
            if (valid(a, ArchiveField.MAINTENANCE_UNIT)) {
                out.put(a.camera().id(), a.value(ArchiveField.MAINTENANCE_UNIT).trim());
            }
        }
        return out;
    }

    /** One archive read per project among {@code cameras}, however many cameras. */
    @Override
    public Map<Long, Integer> of(List<Camera> cameras) {
        Map<Long, Integer> out = new HashMap<>();
        Map<Long, List<Camera>> byProject = new LinkedHashMap<>();
        cameras.forEach(c -> byProject.computeIfAbsent(c.projectId(), p -> new ArrayList<>()).add(c));
        byProject.forEach((projectId, list) -> {
            for (CameraArchive a : archives.archives(projectId, list)) {
                if (!a.defaulted().contains(ArchiveField.RETENTION_DAYS) && valid(a, ArchiveField.RETENTION_DAYS)) {
                    out.put(a.camera().id(), Integer.parseInt(a.value(ArchiveField.RETENTION_DAYS).trim()));
                }
            }
        });
        return out;
    }

    private static boolean valid(CameraArchive archive, ArchiveField field) {
        String value = archive.value(field);
        return value != null && !value.isBlank() && archive.verdicts().stream()
                .anyMatch(v -> v.field() == field && v.status() == Status.OK);
    }
}
