package org.xueliang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ClassUtils;

/**
 * Every {@code @Scheduled} method is listed in docs/ARCHITECTURE.md "Scheduled work" with its lease or the reason it
 * runs on every replica (issue 12: every scheduled job runs on one replica at a time). A new job fails here until
 * someone decides, and writes down, which it is.
 */
class ScheduledWorkDocumentedTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+\\.\\w+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

    @Test
    void everyScheduledMethodIsListedWithItsLeaseOrWhyItRunsEverywhere() throws Exception {
        assertThat(documented()).isEqualTo(scheduledMethods());
    }

    @Test
    void everyListedLeaseIsOneTheJobTakes() throws IOException {
        String doc = scheduledWorkSection();
        Matcher row = ROW.matcher(doc);
        while (row.find()) {
            String lease = row.group(2).trim();
            if (!lease.equals("per replica")) {
                String source = sourceOf(row.group(1).substring(0, row.group(1).indexOf('.')));
                // The lease name is a constant or literal in the class that schedules the job.
                assertThat(source).as(row.group(1)).contains("\"" + lease.replace("`", "") + "\"");
            }
        }
    }

    private static Set<String> scheduledMethods() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata().hasAnnotatedMethods(Scheduled.class.getName()));
        Set<String> found = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.xueliang.tracker")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), ScheduledWorkDocumentedTest.class.getClassLoader());
            for (Method m : type.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Scheduled.class)) {
                    found.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(found).as("the scan finds the scheduled jobs").contains("StatusStream.poll");
        return found;
    }

    private static Set<String> documented() throws IOException {
        Set<String> listed = new TreeSet<>();
        Matcher row = ROW.matcher(scheduledWorkSection());
        while (row.find()) {
            listed.add(row.group(1));
        }
        return listed;
    }

    private static String scheduledWorkSection() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "ARCHITECTURE.md"));
        int start = doc.indexOf("## Scheduled work");
        int end = doc.indexOf("\n## ", start + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    private static String sourceOf(String simpleName) throws IOException {
        try (var files = Files.walk(Path.of("src", "main", "java"))) {
            Path file = files.filter(f -> f.getFileName().toString().equals(simpleName + ".java")).findFirst().orElseThrow();
            return Files.readString(file);
        }
    }
}
