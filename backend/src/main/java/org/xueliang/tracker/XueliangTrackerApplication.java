package org.xueliang.tracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.xueliang.tracker.shared.PortCheck;

/**
 * Xueliang Tracker: the device ledger, build-out progress and (later) probing and evaluation of a
 * county's 雪亮工程 video network. Each direct sub-package is one application module; see
 * docs/ARCHITECTURE.md and ModuleStructureTest for the map and its rules.
 */
@SpringBootApplication
public class XueliangTrackerApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(XueliangTrackerApplication.class);
        app.addListeners(new PortCheck()); // a busy configured port stops the start before anything runs
        app.run(args);
    }
}
