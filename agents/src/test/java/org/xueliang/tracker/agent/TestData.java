package org.xueliang.tracker.agent;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared device recordings are: system property {@code xl.testdata} (set by agents/pom.xml). */
public final class TestData {

    private TestData() {
    }

    /** The folder {@code sub} under the test data, or the test is skipped with a message saying why. */
    public static Path dir(String sub) {
        String root = System.getProperty("xl.testdata");
        Assumptions.assumeTrue(root != null && !root.isBlank(),
                "System property xl.testdata is not set (agents/pom.xml sets it to ../../shared/testdata): recordings tests skipped");
        Path p = Path.of(root, sub);
        Assumptions.assumeTrue(Files.isDirectory(p),
                "No recordings at " + p.toAbsolutePath() + " (xl.testdata): recordings tests skipped");
        return p;
    }
}
