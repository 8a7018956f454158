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
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "org", "xueliang", "tracker");
    private static final Path MIGRATIONS = Path.of("..", "sql", "src", "main", "resources", "db", "migration");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern NAMED_TABLE = Pattern.compile("(?i:\\bFROM|\\bJOIN|\\bINTO|\\bUPDATE|\\bTABLE)\\s+([a-z_][a-z0-9_]*)\\b");
    private static final Pattern OWNER_ROW = Pattern.compile("^\\| `(\\w+)` \\| (`.+`) \\|$", Pattern.MULTILINE);
    private static final Pattern CROSSING_ROW = Pattern.compile("^\\| `(\\w+)` \\| `(\\w+)` \\|$", Pattern.MULTILINE);
    private static final String CROSSINGS_HEADING = "Known crossings";
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
    void theScanSeesSqlAndNotJpql() {
        assertThat(named("SELECT d.id FROM device d JOIN site s ON s.id = d.site_id")).containsExactly("device", "site");
        assertThat(named("UPDATE probe_agent SET last_seq = ?")).containsExactly("probe_agent");
        assertThat(named("select d from Device d where d.projectId = :p")).isEmpty();
    }

    private static Set<String> crossings() throws IOException {
        Map<String, String> owners = owners();
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the application class itself
                }
                String module = relative.getName(0).toString();
                for (String table : named(literals(Files.readString(file)))) {
                    String owner = owners.get(table);
                    if (owner != null && !owner.equals(module)) {
                        found.add(module + " → " + table);
                    }
                }
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
        Set<String> tables = new TreeSet<>();
        Matcher m = NAMED_TABLE.matcher(sql);
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

    private static Set<String> knownCrossings() throws IOException {
        Set<String> known = new TreeSet<>();
        Matcher row = CROSSING_ROW.matcher(section().split(CROSSINGS_HEADING)[1]);
        while (row.find()) {
            known.add(row.group(1) + " → " + row.group(2));
        }
        return known;
    }

    private static Set<String> migratedTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted(TableOwnershipTest::byVersion).toList()) {
                String sql = Files.readString(file);
                CREATED.matcher(sql).results().forEach(r -> tables.add(r.group(1).toLowerCase(Locale.ROOT)));
                DROPPED.matcher(sql).results().forEach(r -> tables.remove(r.group(1).toLowerCase(Locale.ROOT)));
            }
        }
        assertThat(tables).as("the migrations are found").contains("device", "audit_log");
        return tables;
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
        String doc = Files.readString(Path.of("..", "docs", "ARCHITECTURE.md"));
        int start = doc.indexOf("## Table owners");
        assertThat(start).as("docs/ARCHITECTURE.md has a \"Table owners\" section").isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }
}
