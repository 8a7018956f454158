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
        try {
            app.run(args);
        } catch (RuntimeException e) {
            // Spring has logged why and closed the context. Threads a bean started before the failure (the demo's
            // simulators, the SIP stack) would keep the JVM alive, and whoever waits on the process (systemd, the
            // e2e harness) would wait for a server that will never answer.
            System.exit(1);
        }
    }
}
