package org.xueliang.tracker.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.archive.ArchiveRules.Status;
import org.xueliang.tracker.archive.ArchiveRules.Verdict;
import org.xueliang.tracker.assessment.Indicator;
import org.xueliang.tracker.assessment.IndicatorSource;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * ARCHIVE_COMPLETENESS for the monthly sheet: per camera, valid required fields of required fields, with a finding
 * per shortfall ({@code ARCHIVE_FIELD_MISSING} / {@code ARCHIVE_FIELD_INVALID}, value = the field's API code). A
 * period is judged on the archive version in force at its end ({@link ArchiveService#archivesAt}), so a past month
 * shows what the archive said then, however it changed since (a signed sheet keeps its own snapshot anyway); the
 * findings carry the period's start as their time.
 */
@Component
class ArchiveIndicator implements IndicatorSource {

    static final String MISSING = "ARCHIVE_FIELD_MISSING";
    static final String INVALID = "ARCHIVE_FIELD_INVALID";

    private final ArchiveService archives;

    ArchiveIndicator(ArchiveService archives) {
        this.archives = archives;
    }

    @Override
    public Indicator indicator() {
        return Indicator.ARCHIVE_COMPLETENESS;
    }

    @Override
    public List<CameraFigure> figures(long projectId, List<Camera> cameras, Instant from, Instant to) {
        List<CameraFigure> out = new ArrayList<>();
        for (CameraArchive a : archives.archivesAt(projectId, cameras, to)) {
            List<Finding> findings = new ArrayList<>();
            for (Verdict v : a.verdicts()) {
                if (v.field().required() && v.status() != Status.OK && findings.size() < Finding.MAX_PER_CAMERA) {
                    findings.add(new Finding(v.status() == Status.MISSING ? MISSING : INVALID, from, null, v.field().code()));
                }
            }
            out.add(new CameraFigure(a.camera().id(), a.validRequired(), CameraArchive.requiredCount(), findings));
        }
        return out;
    }

    /**
     * Never: an archive is what people entered or imported (the reference dataset's archives are reference data,
     * not demo data, docs/DEMO.md §4), not a measurement that demo mode invents, so it has no synthetic rows.
     */
    @Override
    public boolean touchesSynthetic(long projectId, List<Camera> cameras, Instant from, Instant to) {
        return false;
    }
}
