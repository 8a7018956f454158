package org.xueliang.tracker.demo;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.ProjectRepository;

/** The cameras of every project, in project then asset-tag order: whom the demo's synthetic pasts are written for. */
@Component
@ConditionalOnBooleanProperty("xl.demo")
class DemoCameras {

    private final CameraDirectory cameras;
    private final ProjectRepository projects;

    DemoCameras(CameraDirectory cameras, ProjectRepository projects) {
        this.cameras = cameras;
        this.projects = projects;
    }

    List<Camera> all() {
        List<Camera> all = new ArrayList<>();
        projects.findAll().forEach(p -> all.addAll(cameras.ofProject(p.getId())));
        return all;
    }
}
