package org.xueliang.tracker.agent.onvif;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared device recordings are: system property {@code xl.testdata} (set by surefire). */
public final class Testdata {

    private Testdata() {
    }

    /** The recordings folder, or the test is skipped saying why. */
    public static Path onvif() {
        String prop = System.getProperty("xl.testdata");
        Path dir = prop == null ? null : Path.of(prop).resolve("onvif");
        boolean present = dir != null && Files.isDirectory(dir);
        if (!present) {
            System.err.println("ONVIF recordings not found (xl.testdata=" + prop + "): recording tests skipped");
        }
        assumeTrue(present, "ONVIF recordings not found at " + dir + "; set -Dxl.testdata=DIR to run these tests");
        return dir;
    }
}
