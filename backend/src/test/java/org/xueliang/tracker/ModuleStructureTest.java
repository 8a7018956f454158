package org.xueliang.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application modules (direct sub-packages: shared, ledger, identity, audit, progress, seed,
 * monitoring, notification, evaluation)
 * reach each other only through their public API and have no cycles. Also writes the module
 * diagrams and canvases to target/spring-modulith-docs (generated, not committed).
 */
class ModuleStructureTest {

    /**
     * {@code org.xueliang.tracker.agent..} is the agents Maven module: a library the backend's embedded
     * agent and the standalone agent share (protocol clients, probe types), not an application module
     * of this app, so its types are used like any other dependency's.
     */
    static final ApplicationModules MODULES = ApplicationModules.of(XueliangTrackerApplication.class,
            JavaClass.Predicates.resideInAPackage("org.xueliang.tracker.agent.."));

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void knowsEveryModule() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "ledger", "identity", "audit", "progress", "seed", "monitoring", "notification", "evaluation", "availability")
                .doesNotContain("agent");
    }

    @Test
    void writesTheModuleDocumentation() {
        Documenter documenter = new Documenter(MODULES);
        documenter.writeDocumentation();
        assertThat(Files.exists(Path.of("target", "spring-modulith-docs", "components.puml"))).isTrue();
    }
}
