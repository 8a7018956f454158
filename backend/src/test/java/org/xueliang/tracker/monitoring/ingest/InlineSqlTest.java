package org.xueliang.tracker.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.probe.Status;

/** What {@link InlineSql} writes into a statement's text, and what it never writes there. */
class InlineSqlTest {

    @Test
    void writesNumbersCodesAndInstantsIntoTheText() {
        InlineSql sql = new InlineSql("VALUES (", 0).number(42L).sql(',').number((Long) null).sql(',').code(Status.DOWN).sql(',')
                .code(null).sql(',').instant(Instant.parse("2026-01-02T03:04:05Z")).sql(',')
                .instant(Instant.parse("0999-12-31T23:59:59Z").plusSeconds(1)).sql(',')
                .instant(Instant.parse("2026-12-07T08:09:10.000123456Z")).sql(',').instant(null).sql(')');
        assertThat(sql.toString()).isEqualTo("VALUES (42,NULL,'DOWN',NULL,'2026-01-02 03:04:05','1000-01-01 00:00:00',"
                + "'2026-12-07 08:09:10.000123',NULL)");
    }

    @Test
    void keepsMillisecondsAsADatabaseReadsThem() {
        assertThat(new InlineSql("", 0).instant(Instant.parse("2026-06-30T23:59:59.120Z")).toString())
                .isEqualTo("'2026-06-30 23:59:59.120000'");
    }

    @Test
    void neverWritesFreeTextIntoTheStatement() {
        String hostile = "x'); DROP TABLE device; --";
        InlineSql sql = new InlineSql("INSERT INTO t (a) VALUES (", 0).text(hostile).sql(')');
        assertThat(sql.toString()).isEqualTo("INSERT INTO t (a) VALUES (?)").doesNotContain("DROP");
    }

    @Test
    void bindsAYearOutsideDatetimeInsteadOfWritingIt() {
        InlineSql sql = new InlineSql("", 0).instant(Instant.parse("+10000-01-01T00:00:00Z"));
        assertThat(sql.toString()).isEqualTo("?");
    }
}
