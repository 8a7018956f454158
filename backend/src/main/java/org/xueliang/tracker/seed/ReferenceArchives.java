package org.xueliang.tracker.seed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.archive.ArchiveService;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.shared.FirstStart;

/**
 * The reference project's 一机一档 (issue 11), once per database after the reference dataset: plausible archives for
 * its 45 cameras — camera type, position type, light and functions from the category and the site, 所属派出所 from
 * the township, two maintenance project teams (county town, townships) — with deliberate gaps (some cameras without
 * an archive, some without a phone, a position type or a contractor) so 档案完整率 and 建档率 show something. The
 * units and the phone number are illustrative, not the county's real ones (docs/ARCHIVE.md "Reference archives").
 */
@Component
@Order(11)
class ReferenceArchives implements ApplicationRunner {

    /** The reference dataset's project (seed/jishan-phase1.json). */
    static final String PROJECT_CODE = "JISHAN-XL-1";
    static final String PHONE = "0359-5522110";
    static final String MANAGEMENT_UNIT = "稷山县公安局";
    static final String TOWN_TEAM = "稷山县雪亮工程城区运维项目部";
    static final String TOWNSHIP_TEAM = "稷山县雪亮工程乡镇运维项目部";
    private static final String[] DIRECTIONS = {"E", "W", "S", "N", "SE", "NE", "SW", "NW"};
    private static final Logger log = LoggerFactory.getLogger(ReferenceArchives.class);

    private final ProjectRepository projects;
    private final CameraDirectory cameras;
    private final ArchiveService archives;
    private final FirstStart firstStart;
    private final boolean enabled;
    private final Clock clock;

    ReferenceArchives(ProjectRepository projects, CameraDirectory cameras, ArchiveService archives, FirstStart firstStart,
                      Clock clock, @Value("${xl.seed:true}") boolean enabled) {
        this.clock = clock;
        this.projects = projects;
        this.cameras = cameras;
        this.archives = archives;
        this.firstStart = firstStart;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        Project project = enabled ? projects.findByCode(PROJECT_CODE).orElse(null) : null;
        if (project == null) {
            return;
        }
        long id = project.getId();
        if (firstStart.once("reference archives", () -> archives.anyStored(id), () -> archives.seed(id, plan(cameras.ofProject(id)), inForceFrom(project)))) {
            log.info("Loaded the reference project's camera archives");
        }
    }

    /** The archives count from the project's start (actual, else planned; now for a project without dates). */
    private Instant inForceFrom(Project project) {
        LocalDate start = project.getActualStart() != null ? project.getActualStart() : project.getPlannedStart();
        return start == null ? clock.instant() : start.atStartOfDay(clock.getZone()).toInstant();
    }

    /** Archives by device id; cameras left out have none (defaults only). */
    static Map<Long, Map<String, String>> plan(List<Camera> list) {
        Map<Long, Map<String, String>> out = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            if (i % 7 == 3) {
                continue;
            }
            Camera c = list.get(i);
            Map<String, String> a = new LinkedHashMap<>();
            boolean dome = "DOME_CAMERA".equals(c.categoryCode());
            boolean checkpoint = "CHECKPOINT_CAMERA".equals(c.categoryCode());
            a.put("cameraType", dome ? "DOME" : "FIXED_BULLET");
            if (i % 4 != 2) {
                a.put("positionType", positionType(c.siteName()));
            }
            a.put("roomType", "OUTDOOR");
            a.put("supplyLight", dome ? "INFRARED" : "WHITE");
            a.put("direction", DIRECTIONS[i % DIRECTIONS.length]);
            a.put("pointClass", dome ? "CLASS_2" : "CLASS_1");
            a.put("functions", dome ? "VIDEO" : checkpoint ? "VEHICLE,VIDEO" : "FACE,VIDEO");
            a.put("managementUnit", MANAGEMENT_UNIT);
            if (i % 5 != 1) {
                a.put("contactPhone", PHONE);
            }
            if (c.township() != null) {
                a.put("policeStation", c.township().replaceAll("[镇乡]$", "") + "派出所");
            }
            if (i % 6 != 5) {
                a.put("maintenanceUnit", "稷峰镇".equals(c.township()) ? TOWN_TEAM : TOWNSHIP_TEAM);
            }
            a.put("retentionDays", checkpoint || !dome ? "90" : "30");
            out.put(c.id(), a);
        }
        return out;
    }

    static String positionType(String siteName) {
        String s = siteName == null ? "" : siteName;
        if (s.contains("车站") || s.contains("火车站")) {
            return "STATION_PORT";
        }
        if (s.contains("中学") || s.contains("小学") || s.contains("学校")) {
            return "CAMPUS";
        }
        if (s.contains("步行街") || s.contains("商业")) {
            return "COMMERCIAL_CENTRE";
        }
        if (s.contains("医院") || s.contains("制高点")) {
            return "COMPLEX_AREA";
        }
        return "TRAFFIC_ARTERY";
    }
}
