package org.xueliang.tracker.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

/** The ledger's cameras as the assessment modules read them: the reference dataset's 45 cameras and no other device. */
@OnMariaDb
class CameraDirectoryOnMariaDbTest extends ApiTestSupport {

    @Autowired
    CameraDirectory cameras;
    @Autowired
    ProjectRepository projects;

    @Test
    void theReferenceProjectsCamerasAreItsFaceCheckpointAndDomeCameras() {
        long project = projects.findByCode("JISHAN-XL-1").orElseThrow().getId();
        List<CameraDirectory.Camera> all = cameras.ofProject(project);
        assertThat(all).hasSize(45);
        assertThat(all).extracting(CameraDirectory.Camera::categoryCode).containsOnly("FACE_CAMERA", "CHECKPOINT_CAMERA", "DOME_CAMERA");
        assertThat(cameras.cameraCategories()).containsExactly("FACE_CAMERA", "CHECKPOINT_CAMERA", "DOME_CAMERA");
        assertThat(cameras.isCameraCategory("SERVER")).isFalse();
        CameraDirectory.Camera first = all.get(0);
        assertThat(first.siteName()).isNotBlank();
        assertThat(first.township()).isNotBlank();
        assertThat(cameras.camera(first.id())).contains(first);
    }

    @Test
    void aCameraIsJudgedFromTheDayItWentIntoServiceUntilItWasRetired() {
        var camera = new CameraDirectory.Camera(1, 1, "T", null, "FACE_CAMERA", null, null, null, null, null, null, null,
                null, Lifecycle.RETIRED, null, LocalDate.of(2022, 3, 10), LocalDate.of(2022, 5, 1), null);
        assertThat(camera.inServiceDuring(LocalDate.of(2022, 2, 1), LocalDate.of(2022, 3, 1))).isFalse();
        assertThat(camera.inServiceDuring(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 4, 1))).isTrue();
        assertThat(camera.inServiceDuring(LocalDate.of(2022, 5, 1), LocalDate.of(2022, 6, 1))).isTrue();
        assertThat(camera.inServiceDuring(LocalDate.of(2022, 6, 1), LocalDate.of(2022, 7, 1))).isFalse();
    }
}
