package org.xueliang.tracker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * When a demo start writes its synthetic past: {@link SyntheticPast} on a bean is both conditions at once (demo mode,
 * and {@code xl.demo.history} not false), so the quick-start demo keeps its history and only an explicit
 * {@code false} leaves it out.
 */
class SyntheticPastTest {

    @SyntheticPast
    static class PastWriter {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(PastWriter.class);

    @Test
    void a_demo_writes_its_past_unless_told_not_to() {
        runner.withPropertyValues("xl.demo=true").run(ctx -> assertThat(ctx).hasSingleBean(PastWriter.class));
        runner.withPropertyValues("xl.demo=true", "xl.demo.history=true").run(ctx -> assertThat(ctx).hasSingleBean(PastWriter.class));
        runner.withPropertyValues("xl.demo=true", "xl.demo.history=false").run(ctx -> assertThat(ctx).doesNotHaveBean(PastWriter.class));
    }

    @Test
    void outside_demo_mode_there_is_no_synthetic_past_whatever_the_history_setting() {
        runner.run(ctx -> assertThat(ctx).doesNotHaveBean(PastWriter.class));
        runner.withPropertyValues("xl.demo=false", "xl.demo.history=true").run(ctx -> assertThat(ctx).doesNotHaveBean(PastWriter.class));
    }
}
