package org.xueliang.tracker.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class CreatedInstantsTest {

    @Test
    void parses_like_instant_parse_whether_the_text_repeats_or_changes() {
        for (String text : new String[]{"2026-12-07T05:31:03Z", "2026-12-07T05:31:03Z", "2026-12-07T05:31:04Z",
                "2026-12-07T05:31:03.250Z", "2026-12-07T05:31:03Z"}) {
            assertThat(CreatedInstants.parse(text)).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void text_that_is_not_an_instant_fails_as_with_instant_parse_even_after_a_good_one() {
        CreatedInstants.parse("2026-12-07T05:31:03Z");
        assertThatThrownBy(() -> CreatedInstants.parse("2026-12-07 05:31:03")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> CreatedInstants.parse("")).isInstanceOf(DateTimeParseException.class);
    }
}
