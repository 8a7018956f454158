package org.xueliang.tracker.recording;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.gb28181.GbRetentionTargets;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.GbDirectory;
import org.xueliang.tracker.recording.RecordingStore.Source;

/**
 * Tells the GB/T 28181 schedule which channels to probe for retention: the ledger's cameras behind those codes that
 * no ONVIF search reports the retention of (an ONVIF camera says its oldest recording itself; asking it again over
 * GB would only add load), each with its 录像保存天数. Read-only.
 */
@Component
class GbRetentionDays implements GbRetentionTargets {

    private final GbDirectory directory;
    private final CameraDirectory cameras;
    private final RecordingStore store;
    private final RecordingSettings settings;

    GbRetentionDays(GbDirectory directory, CameraDirectory cameras, RecordingStore store, RecordingSettings settings) {
        this.directory = directory;
        this.cameras = cameras;
        this.store = store;
        this.settings = settings;
    }

    @Override
    public Map<String, Integer> retentionDays(Collection<String> channelCodes) {
        Map<String, Long> byCode = directory.deviceIdsByCode(channelCodes);
        List<Camera> list = cameras.among(byCode.values());
        Map<Long, List<RecordingStore.Retention>> reports = store.retention(list.stream().map(Camera::id).toList());
        List<Camera> gbOnly = list.stream().filter(c -> reports.getOrDefault(c.id(), List.of()).stream()
                .noneMatch(r -> r.source() == Source.ONVIF)).toList();
        Map<Long, Integer> days = settings.retentionDays(gbOnly);
        Map<Long, String> codeById = byCode.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey, (a, b) -> a));
        Map<String, Integer> out = new HashMap<>();
        gbOnly.forEach(c -> out.put(codeById.get(c.id()), days.get(c.id())));
        return out;
    }
}
