package org.xueliang.tracker.ledger;

import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.shared.Texts;

/**
 * The device's national code (gbCode) as a write sees it: 20 digits by {@link GbCode#check} starting with the
 * region code of the device's project, and one device per code. The messages are words for people (the form
 * shows them beside the field), in the request's language: {@code i18n/ledger*.properties}.
 */
@Component
class GbCodeRule {

    static final String FIELD = "gbCode";

    private final DeviceRepository devices;
    private final Texts texts;

    GbCodeRule(DeviceRepository devices, Texts texts) {
        this.devices = devices;
        this.texts = texts;
    }

    /** What is wrong with the code on its own and against the project's region; empty for no code or a valid one. */
    Optional<FieldProblem> check(DeviceFields fields, LedgerReference reference) {
        String code = fields.gbCode();
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String region = fields.projectId() == null ? null : reference.regionCodes().get(fields.projectId());
        return GbCode.check(code, region).map(problem -> switch (problem) {
            case FORMAT -> problem("gbCode.format");
            case REGION -> problem("gbCode.region", region);
            case TYPE -> problem("gbCode.type", code.trim().substring(10, 13));
        });
    }

    /**
     * The code belongs to another device than {@code selfId} (null: a new device). The other device is named only
     * when {@code visible} says the user may see its project.
     */
    Optional<FieldProblem> taken(DeviceFields fields, Long selfId, Predicate<Long> visible) {
        String code = fields.gbCode();
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return devices.findByGbCode(code.trim()).filter(other -> !other.getId().equals(selfId))
                .map(other -> visible.test(other.getProjectId()) ? problem("gbCode.taken", other.getAssetTag())
                        : problem("gbCode.takenElsewhere"));
    }

    FieldProblem problem(String key, Object... args) {
        return new FieldProblem(FIELD, texts.get(Texts.current(), key, args));
    }
}
