package org.xueliang.tracker.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The harness enforces what the fuzz suites promise: exceptions, hangs and allocations fail, with a way to replay. */
class FuzzSuiteTest {

    @Test
    void an_exception_fails_the_suite_naming_seed_and_input() {
        assertThatThrownBy(() -> FuzzSuite.of("self-test (must fail) throws", 50, random -> random.nextInt(10)).run(n -> {
            if (n == 7) {
                throw new IllegalStateException("seven");
            }
        })).isInstanceOf(AssertionError.class)
                .hasMessageContaining("-Dxl.fuzz.seed=").hasMessageContaining("-Dxl.fuzz.input=")
                .hasMessageContaining("IllegalStateException: seven");
    }

    @Test
    void a_hang_fails_and_the_suite_goes_on() {
        AtomicInteger ran = new AtomicInteger();
        assertThatThrownBy(() -> FuzzSuite.of("self-test (must fail) hangs", 3, random -> 0).timeoutMillis(200).firstVerbatim(List.of(1)).run(n -> {
            ran.incrementAndGet();
            if (n == 1) {
                Thread.sleep(60_000);
            }
        })).hasMessageContaining("1 of 3 inputs failed").hasMessageContaining("hang: no answer within 200 ms");
        assertThat(ran).hasValue(3);
    }

    @Test
    void allocating_beyond_the_cap_fails() {
        assertThatThrownBy(() -> FuzzSuite.of("self-test (must fail) allocates", 1, random -> 64 << 20).maxAllocatedMegabytes(16)
                .run(bytes -> assertThat(new byte[bytes]).hasSize(bytes)))
                .hasMessageContaining("allocated 64 MB (cap 16 MB)");
    }

    @Test
    void the_same_seed_draws_the_same_inputs() {
        List<Integer> first = new java.util.ArrayList<>();
        List<Integer> second = new java.util.ArrayList<>();
        FuzzSuite.of("self-test same seed", 20, random -> random.nextInt()).run(first::add);
        FuzzSuite.of("self-test same seed", 20, random -> random.nextInt()).run(second::add);
        assertThat(first).hasSize(20).isEqualTo(second);
    }
}
