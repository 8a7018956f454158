package org.xueliang.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One owner per table (issue 12 item 5, docs/ARCHITECTURE.md "Table owners"): only the owning module's SQL names a
 * table. The SQL is read from the string literals of each module's classes (where the statements are written, also
 * when concatenated); a table counts as named after FROM, JOIN, INTO, UPDATE or TABLE. JPQL names entities, which are
 * capitalised, so it does not count.
 *
 * <p>A read model is a view the owner publishes for other modules to read (docs/ARCHITECTURE.md "Read models"): any
 * module may read it (FROM, JOIN), only its owner writes or alters it (INTO, UPDATE, TABLE). It is how a module joins
 * another module's data in one statement where going through the owner's Java API would mean one query per row.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "org", "xueliang", "tracker");
    private static final Path MIGRATIONS = Path.of("..", "sql", "src", "main", "resources", "db", "migration");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern NAMED_TABLE = Pattern.compile("(?i:\\bFROM|\\bJOIN|\\bINTO|\\bUPDATE|\\bTABLE)\\s+([a-z_][a-z0-9_]*)\\b");
    private static final Pattern WRITTEN_TABLE = Pattern.compile("(?i:\\bINTO|\\bUPDATE|\\bTABLE)\\s+([a-z_][a-z0-9_]*)\\b");
    private static final Pattern OWNER_ROW = Pattern.compile("^\\| `(\\w+)` \\| (`.+`) \\|$", Pattern.MULTILINE);
    private static final Pattern READ_MODEL_ROW = Pattern.compile("^\\| `(\\w+)` \\| `(\\w+)` \\|.*\\|$", Pattern.MULTILINE);
    private static final Pattern CROSSING_ROW = Pattern.compile("^\\| `(\\w+)` \\| `(\\w+)` \\|$", Pattern.MULTILINE);
    private static final String CROSSINGS_HEADING = "Known crossings";
    private static final Pattern VIEW_CREATED = Pattern.compile("(?i)CREATE (?:OR REPLACE )?VIEW (?:IF NOT EXISTS )?(\\w+)");
    private static final Pattern VIEW_DROPPED = Pattern.compile("(?i)DROP VIEW (?:IF EXISTS )?(\\w+)");
    private static final Pattern CREATED = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?(\\w+)");
    private static final Pattern DROPPED = Pattern.compile("(?i)DROP TABLE (?:IF EXISTS )?(\\w+)");

    @Test
    void everyTableTheMigrationsCreateHasOneOwner() throws IOException {
        assertThat(owners().keySet()).as("tables in docs/ARCHITECTURE.md \"Table owners\"").isEqualTo(migratedTables());
    }

    @Test
    void noModuleNamesAnotherModulesTableBeyondTheKnownCrossings() throws IOException {
        assertThat(crossings()).as("module → another module's table; move it behind the owner's API (or, if it must stay,"
                + " list it in docs/ARCHITECTURE.md \"Table owners\")").isEqualTo(knownCrossings());
    }

    @Test
    void everyViewTheMigrationsCreateIsADeclaredReadModel() throws IOException {
        assertThat(readModels().keySet()).as("views in docs/ARCHITECTURE.md \"Read models\"").isEqualTo(migratedViews());
    }

    @Test
    void onlyTheOwnerWritesAReadModel() throws IOException {
        Map<String, String> views = readModels();
        assertThat(scan((module, source) -> named(WRITTEN_TABLE, source).stream()
                .filter(v -> views.containsKey(v) && !views.get(v).equals(module))
                .map(v -> module + " writes read model " + v).toList())).isEmpty();
    }

    @Test
    void theScanSeesSqlAndNotJpql() {
        assertThat(named("SELECT d.id FROM device d JOIN site s ON s.id = d.site_id")).containsExactly("device", "site");
        assertThat(named("UPDATE probe_agent SET last_seq = ?")).containsExactly("probe_agent");
        assertThat(named("select d from Device d where d.projectId = :p")).isEmpty();
    }

    private static Set<String> crossings() throws IOException {
        Map<String, String> owners = owners();
        return scan((module, sql) -> named(sql).stream()
                .filter(table -> owners.containsKey(table) && !owners.get(table).equals(module))
                .map(table -> module + " → " + table).toList());
    }

    /** What {@code finding} reports for each module's SQL (the string literals of each of its classes). */
    private static Set<String> scan(java.util.function.BiFunction<String, String, java.util.List<String>> finding) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the application class itself
                }
                found.addAll(finding.apply(relative.getName(0).toString(), literals(Files.readString(file))));
            }
        }
        return found;
    }

    private static String literals(String source) {
        StringBuilder all = new StringBuilder();
        Matcher m = LITERAL.matcher(source);
        while (m.find()) {
            all.append(m.group(1)).append(' ');
        }
        return all.toString();
    }

    private static Set<String> named(String sql) {
        return named(NAMED_TABLE, sql);
    }

    private static Set<String> named(Pattern keyword, String sql) {
        Set<String> tables = new TreeSet<>();
        Matcher m = keyword.matcher(sql);
        while (m.find()) {
            tables.add(m.group(1));
        }
        return tables;
    }

    private static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new HashMap<>();
        Matcher row = OWNER_ROW.matcher(section().split(CROSSINGS_HEADING)[0]);
        while (row.find()) {
            for (String table : row.group(2).replace("`", "").split(",\\s*")) {
                assertThat(owners.put(table, row.group(1))).as(table + " has one owner").isNull();
            }
        }
        return owners;
    }

    /** view → owner, from the "Read models" section of docs/ARCHITECTURE.md. */
    private static Map<String, String> readModels() throws IOException {
        Map<String, String> owners = new HashMap<>();
        Matcher row = READ_MODEL_ROW.matcher(section("## Read models"));
        while (row.find()) {
            assertThat(owners.put(row.group(2), row.group(1))).as(row.group(2) + " has one owner").isNull();
        }
        return owners;
    }

    private static Set<String> migratedViews() throws IOException {
        return migrated(VIEW_CREATED, VIEW_DROPPED);
    }

    private static Set<String> knownCrossings() throws IOException {
        Set<String> known = new TreeSet<>();
        Matcher row = CROSSING_ROW.matcher(section().split(CROSSINGS_HEADING)[1]);
        while (row.find()) {
            known.add(row.group(1) + " → " + row.group(2));
        }
        return known;
    }

    private static Set<String> migratedTables() throws IOException {
        Set<String> tables = migrated(CREATED, DROPPED);
        assertThat(tables).as("the migrations are found").contains("device", "audit_log");
        return tables;
    }

    private static Set<String> migrated(Pattern created, Pattern dropped) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted(TableOwnershipTest::byVersion).toList()) {
                String sql = Files.readString(file);
                created.matcher(sql).results().forEach(r -> names.add(r.group(1).toLowerCase(Locale.ROOT)));
                dropped.matcher(sql).results().forEach(r -> names.remove(r.group(1).toLowerCase(Locale.ROOT)));
            }
        }
        return names;
    }

    /** V2 before V10: a table dropped by a later migration is gone, whatever the file names' order. */
    private static int byVersion(Path a, Path b) {
        return Integer.compare(version(a), version(b));
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static String section() throws IOException {
        return section("## Table owners");
    }

    private static String section(String heading) throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "ARCHITECTURE.md"));
        int start = doc.indexOf(heading + "\n");
        assertThat(start).as("docs/ARCHITECTURE.md has a \"" + heading.substring(3) + "\" section").isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }
}
