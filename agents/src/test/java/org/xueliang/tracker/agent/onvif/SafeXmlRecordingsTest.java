package org.xueliang.tracker.agent.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.TestData;

/**
 * Every ONVIF recording under testdata/onvif (read in place; {@code -Dxl.testdata=DIR} elsewhere, skipped with a
 * message when absent) reads to the same tree with {@link SafeXml#parse} as with StAX, and the fast reader itself
 * reads them all: none of them is handed to StAX.
 */
class SafeXmlRecordingsTest {

    @Test
    void every_recording_reads_the_same_and_without_stax() throws IOException {
        Path root = TestData.dir("onvif");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Map<XmlDifferential.Path, Integer> paths = new EnumMap<>(XmlDifferential.Path.class);
        for (Path f : files) {
            XmlDifferential.Path p = XmlDifferential.assertAgree(root.relativize(f).toString(), Files.readAllBytes(f));
            paths.merge(p, 1, Integer::sum);
            if (p == XmlDifferential.Path.STAX) {
                System.out.println("SafeXml: left to StAX: " + root.relativize(f));
            }
        }
        System.out.println("SafeXml over " + files.size() + " recordings: " + paths);
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(paths.getOrDefault(XmlDifferential.Path.STAX, 0)).as("recordings left to StAX").isZero();
    }
}
