package org.xueliang.tracker.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the security suite's tally once the whole test run has finished (registered in
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}), so it comes after
 * every security test class, whichever order Surefire ran them in.
 */
public class TallyPrinter implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        AttackTally.report().forEach(System.out::println);
        try {
            AttackTally.write(Path.of(System.getProperty("xl.security.tally-file", "target/security-tally.txt")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
