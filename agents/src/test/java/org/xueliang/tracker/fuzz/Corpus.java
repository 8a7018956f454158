package org.xueliang.tracker.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Seed inputs of a fuzz target: the files under {@code src/test/resources/fuzz/<target>/} (small, real-ish, kept in
 * the repository; a failing input found later is added there), plus optionally recordings read in place from a
 * directory outside the project (never copied in).
 */
public final class Corpus {

    private Corpus() {
    }

    /** The bytes of every file under the classpath folder {@code fuzz/<target>}; fails when there is none. */
    public static List<byte[]> of(String target) {
        return List.copyOf(files(target).values());
    }

    /** The same by file name (relative to the folder, sorted). */
    public static Map<String, byte[]> files(String target) {
        URL url = Corpus.class.getClassLoader().getResource("fuzz/" + target);
        if (url == null) {
            throw new IllegalStateException("no seed corpus at src/test/resources/fuzz/" + target);
        }
        try {
            Path dir = Path.of(url.toURI());
            Map<String, byte[]> seeds = new TreeMap<>();
            for (Path p : regularFiles(dir, p -> true)) {
                seeds.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
            if (seeds.isEmpty()) {
                throw new IllegalStateException("the seed corpus fuzz/" + target + " is empty");
            }
            return seeds;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files under {@code dir} that {@code accept} picks, or none (with a line saying so) when the directory is
     * absent: outside recordings are extra seeds, not a requirement.
     */
    public static List<byte[]> external(String suite, Path dir, Predicate<Path> accept) {
        if (!Files.isDirectory(dir)) {
            System.out.println("fuzz " + suite + ": no extra seeds, " + dir + " is absent (skipped)");
            return List.of();
        }
        List<byte[]> seeds = read(dir, accept);
        System.out.println("fuzz " + suite + ": " + seeds.size() + " extra seeds read in place from " + dir);
        return seeds;
    }

    private static List<byte[]> read(Path dir, Predicate<Path> accept) {
        try {
            List<byte[]> seeds = new ArrayList<>();
            for (Path p : regularFiles(dir, accept)) {
                seeds.add(Files.readAllBytes(p));
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> regularFiles(Path dir, Predicate<Path> accept) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(accept).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
