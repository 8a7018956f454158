package org.xueliang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The fast path gives what {@link Instant#parse} gives, and everything else is Jackson's own behaviour. */
class IsoInstantDeserializerTest {

    private final JsonMapper withFastPath = JsonMapper.builder()
            .addModule(new SimpleModule().addDeserializer(Instant.class, new IsoInstantDeserializer())).build();
    private final JsonMapper jackson = JsonMapper.builder().build();

    record Holder(Instant at) {
    }

    @Test
    void readsWhatInstantParseReadsForRandomInstantsOfEveryPrecision() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-30_000_000_000L, 200_000_000_000L), random.nextInt(1_000_000_000));
            at = switch (i % 4) {
                case 0 -> at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                case 1 -> at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                case 2 -> at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                default -> at;
            };
            String text = at.toString();
            if (text.length() >= 20 && text.charAt(4) == '-') {
                assertThat(IsoInstantDeserializer.parse(text)).as(text).isEqualTo(Instant.parse(text));
            }
            assertThat(read(withFastPath, text)).as(text).isEqualTo(read(jackson, text));
        }
        assertThat(IsoInstantDeserializer.parse("2026-12-07T08:00:00.1Z")).isEqualTo(Instant.parse("2026-12-07T08:00:00.100Z"));
    }

    @Test
    void leavesOtherFormsAndBadDatesToJackson() {
        for (String text : new String[] {"2026-12-07T16:00:00+08:00", "2026-12-07T08:00:00.123456789012Z", "2026-02-30T00:00:00Z",
                "2026-12-07T24:00:00Z", "2026-12-07 08:00:00Z", "2026-1x-07T08:00:00Z", "2026-12-07T08:00:00.Z"}) {
            assertThat(IsoInstantDeserializer.parse(text)).as(text).isNull();
        }
        assertThat(read(withFastPath, "2026-12-07T16:00:00+08:00")).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(withFastPath.readValue("{\"at\":1796630400}", Holder.class).at()).isEqualTo(jackson.readValue("{\"at\":1796630400}", Holder.class).at());
        assertThatThrownBy(() -> read(withFastPath, "2026-02-30T00:00:00Z")).isInstanceOf(tools.jackson.core.JacksonException.class);
        assertThatThrownBy(() -> read(jackson, "2026-02-30T00:00:00Z")).isInstanceOf(tools.jackson.core.JacksonException.class);
    }

    private static Instant read(JsonMapper mapper, String text) {
        return mapper.readValue("{\"at\":\"" + text + "\"}", Holder.class).at();
    }
}
