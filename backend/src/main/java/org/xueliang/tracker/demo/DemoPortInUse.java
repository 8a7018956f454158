package org.xueliang.tracker.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.xueliang.tracker.shared.PortCheck;

/**
 * A configured demo simulator port that is taken when the fleet binds it (the TCP/RTSP ports of
 * {@code XL_DEMO_TCP_PORT_OFFSET} depend on the devices, so {@link PortCheck} cannot test them before
 * start-up). The message is PortCheck's one line.
 */
class DemoPortInUse extends RuntimeException {

    DemoPortInUse(PortCheck.Wanted wanted, Throwable cause) {
        super(PortCheck.inUse(wanted), cause);
    }

    /** Reports it as that one line instead of a stack trace (registered in META-INF/spring.factories). */
    static final class Analyzer extends AbstractFailureAnalyzer<DemoPortInUse> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, DemoPortInUse cause) {
            return new FailureAnalysis(cause.getMessage(), "Free the port, or leave the demo port settings unset"
                    + " so the simulators take free loopback ports (docs/DEMO.md).", cause);
        }
    }
}
