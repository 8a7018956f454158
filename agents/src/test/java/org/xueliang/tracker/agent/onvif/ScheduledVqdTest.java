package org.xueliang.tracker.agent.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xueliang.tracker.agent.vqd.ReducedPicture;
import org.xueliang.tracker.agent.vqd.VqdImages;

class ScheduledVqdTest {

    private static final Duration EVERY = Duration.ofHours(4);
    private static final Instant T0 = Instant.parse("2026-03-09T00:00:00Z");

    @Test
    void each_camera_is_checked_once_per_interval_at_its_own_moment_and_not_on_first_sight() {
        ScheduledVqd vqd = new ScheduledVqd(1000);
        Map<Long, Integer> checks = new HashMap<>();
        int[] perHour = new int[4];
        // 200 cameras probed every minute for 12 hours + the first minute: 3 checks each, none on first sight
        for (int minute = 0; minute <= 12 * 60; minute++) {
            Instant now = T0.plus(Duration.ofMinutes(minute));
            for (long id = 1; id <= 200; id++) {
                if (vqd.due(id, now, EVERY)) {
                    assertThat(minute).as("not on first sight").isPositive();
                    checks.merge(id, 1, Integer::sum);
                    perHour[(minute / 60) % 4]++;
                }
            }
        }
        assertThat(checks).hasSize(200);
        assertThat(checks.values()).allMatch(n -> n == 3);
        // spread: each hour of the 4-hour interval gets roughly a quarter of the checks (600 / 4 = 150)
        for (int h : perHour) {
            assertThat(h).isBetween(100, 200);
        }
    }

    @Test
    void a_camera_is_due_again_only_after_its_phase_moment_and_never_when_switched_off() {
        ScheduledVqd vqd = new ScheduledVqd(10);
        long id = 42;
        Instant phase = Instant.ofEpochMilli(ScheduledVqd.phaseMillis(id, EVERY));
        Instant justBefore = phase.plus(EVERY.multipliedBy(100_000)).minusSeconds(1);
        assertThat(vqd.due(id, justBefore, EVERY)).isFalse();
        assertThat(vqd.due(id, justBefore.plusSeconds(2), EVERY)).isTrue();
        assertThat(vqd.due(id, justBefore.plusSeconds(3), EVERY)).isFalse();
        assertThat(vqd.due(id, justBefore.plus(EVERY).minusSeconds(1), EVERY)).isFalse();
        assertThat(vqd.due(id, justBefore.plus(EVERY).plusSeconds(2), EVERY)).isTrue();
        assertThat(vqd.due(id, justBefore.plus(EVERY.multipliedBy(3)), Duration.ZERO)).isFalse();
    }

    @Test
    void a_check_reports_scores_and_faults_as_facts_and_remembers_them_until_a_clean_check() throws IOException {
        ScheduledVqd vqd = new ScheduledVqd(10);
        Duration every = Duration.ofMinutes(10);
        assertThat(vqd.check(7, jpeg(false), T0, every)).isEmpty();
        Optional<ScheduledVqd.Outcome> dark = vqd.check(7, jpeg(true), T0.plus(every), every);
        assertThat(dark).isPresent();
        assertThat(dark.get().facts()).containsEntry("vqd.checkedAt", T0.plus(every).toString())
                .containsKeys("vqd.BLUR", "vqd.TOO_DARK", "vqd.SIGNAL_LOSS").doesNotContainKey("vqd.FREEZE");
        assertThat(dark.get().facts().get("vqd.faults")).contains("TOO_DARK");
        assertThat(Double.parseDouble(dark.get().facts().get("vqd.TOO_DARK"))).isGreaterThan(0.5);
        assertThat(dark.get().faultDetail()).contains("TOO_DARK");
        assertThat(vqd.lastFaults(7)).contains("TOO_DARK");

        Optional<ScheduledVqd.Outcome> clean = vqd.check(7, jpeg(false), T0.plus(every.multipliedBy(2)), every);
        assertThat(clean.get().facts()).containsEntry("vqd.faults", "");
        assertThat(clean.get().faultDetail()).isNull();
        assertThat(vqd.lastFaults(7)).isNull();
    }

    @Test
    void freeze_is_judged_against_the_previous_checked_snapshot_which_survives_a_restart_on_disk(@TempDir Path dir)
            throws IOException {
        Duration every = Duration.ofMinutes(10);
        ScheduledVqd before = new ScheduledVqd(10, PreviousSnapshots.in(dir));
        assertThat(before.check(7, jpeg(false), T0, every)).as("first sight").isEmpty();
        Optional<ScheduledVqd.Outcome> first = before.check(7, jpeg(false), T0.plus(every), every);
        assertThat(first.get().facts()).as("nothing on disk yet: FREEZE not judged").doesNotContainKey("vqd.FREEZE");
        assertThat(dir.resolve("7.jpg")).exists();

        ScheduledVqd after = new ScheduledVqd(10, PreviousSnapshots.in(dir)); // the agent restarted
        assertThat(after.check(7, jpeg(false), T0.plus(every.multipliedBy(2)), every)).as("first sight again").isEmpty();
        Optional<ScheduledVqd.Outcome> still = after.check(7, jpeg(false), T0.plus(every.multipliedBy(3)), every);
        assertThat(still.get().facts().get("vqd.faults")).isEqualTo("FREEZE");
        assertThat(still.get().faultDetail()).contains("FREEZE 1.00");

        Optional<ScheduledVqd.Outcome> moving = after.check(7, jpeg(130, 1), T0.plus(every.multipliedBy(4)), every);
        assertThat(moving.get().facts()).containsKey("vqd.FREEZE");
        assertThat(moving.get().facts().get("vqd.faults")).doesNotContain("FREEZE");
        assertThat(after.lastFaults(7)).isNull();

        ScheduledVqd elsewhere = new ScheduledVqd(10, PreviousSnapshots.in(dir.resolve("other")));
        elsewhere.check(7, jpeg(false), T0, every);
        assertThat(elsewhere.check(7, jpeg(false), T0.plus(every), every).get().facts())
                .as("another agent's disk has no previous for this camera").doesNotContainKey("vqd.FREEZE");
    }

    @Test
    void scene_change_is_judged_against_the_approved_reference_with_the_category_thresholds() throws IOException {
        Duration every = Duration.ofMinutes(10);
        String reference = Base64.getEncoder().encodeToString(
                ReducedPicture.of(VqdImages.decode(jpeg(false), VqdImages.MAX_PIXELS)));
        ScheduledVqd vqd = new ScheduledVqd(10);
        vqd.check(7, jpeg(false), T0, every);
        Optional<ScheduledVqd.Outcome> turned = vqd.check(7, jpeg(130, 1), T0.plus(every), every,
                new ScheduledVqd.Judging(null, reference));
        assertThat(turned.get().facts().get("vqd.faults")).isEqualTo("SCENE_CHANGE");
        assertThat(Double.parseDouble(turned.get().facts().get("vqd.SCENE_CHANGE"))).isGreaterThan(0.5);

        Optional<ScheduledVqd.Outcome> sameView = vqd.check(7, jpeg(false), T0.plus(every.multipliedBy(2)), every,
                new ScheduledVqd.Judging(null, reference));
        assertThat(sameView.get().facts()).containsKey("vqd.SCENE_CHANGE").containsEntry("vqd.faults", "");

        // a dim picture is 过暗 by default, not for a category that tolerates dimmer pictures (e.g. at night)
        Optional<ScheduledVqd.Outcome> dim = vqd.check(7, jpeg(0, 3), T0.plus(every.multipliedBy(3)), every,
                new ScheduledVqd.Judging(null, reference));
        assertThat(dim.get().facts().get("vqd.faults")).contains("TOO_DARK");
        assertThat(Double.parseDouble(dim.get().facts().get("vqd.TOO_DARK"))).isBetween(0.5, 0.85);
        Optional<ScheduledVqd.Outcome> tolerant = vqd.check(7, jpeg(0, 3), T0.plus(every.multipliedBy(4)), every,
                new ScheduledVqd.Judging("TOO_DARK=0.9", reference));
        assertThat(tolerant.get().facts().get("vqd.faults")).doesNotContain("TOO_DARK");

        // unreadable settings: every default, no reference
        Optional<ScheduledVqd.Outcome> broken = vqd.check(7, jpeg(130, 1), T0.plus(every.multipliedBy(5)), every,
                new ScheduledVqd.Judging("NOT_A_CLASS=2", "%%%"));
        assertThat(broken.get().facts()).doesNotContainKey("vqd.SCENE_CHANGE").containsEntry("vqd.faults", "");
    }

    /** A scene with edges; dark = the same at a fifth of the light. */
    @Test
    void the_picture_of_each_check_that_ran_is_handed_over_with_its_check_time() throws IOException {
        java.util.List<Object[]> handed = new java.util.ArrayList<>();
        ScheduledVqd vqd = new ScheduledVqd(10, PreviousSnapshots.none(),
                (deviceId, checkedAt, picture) -> handed.add(new Object[] {deviceId, checkedAt, picture}));
        Duration every = Duration.ofMinutes(10);
        assertThat(vqd.check(7, jpeg(false), T0, every)).isEmpty();
        assertThat(handed).as("no check on first sight, so no picture").isEmpty();

        Instant checkedAt = T0.plus(every);
        Optional<ScheduledVqd.Outcome> dark = vqd.check(7, jpeg(true), checkedAt, every);
        assertThat(dark).isPresent();
        assertThat(handed).hasSize(1);
        assertThat(handed.get(0)[0]).isEqualTo(7L);
        assertThat(handed.get(0)[1]).isEqualTo(checkedAt).hasToString(dark.get().facts().get("vqd.checkedAt"));
        // the analyzer's reduction as JPEG: a 640×360 snapshot is reduced by 1 (nearest whole factor to 480×270)
        BufferedImage picture = VqdImages.decode((byte[]) handed.get(0)[2], 1_000_000);
        assertThat(picture.getWidth()).isEqualTo(640);
        assertThat(picture.getHeight()).isEqualTo(360);
        assertThat(new Color(picture.getRGB(5, 5)).getRed()).as("the dark picture that was judged").isLessThan(60);

        assertThat(vqd.check(7, jpeg(false), checkedAt.plusSeconds(1), every)).as("not due again").isEmpty();
        assertThat(handed).hasSize(1);
    }

    @Test
    void a_sink_that_fails_does_not_cost_the_check_its_facts() throws IOException {
        ScheduledVqd vqd = new ScheduledVqd(10, PreviousSnapshots.none(), (deviceId, checkedAt, picture) -> {
            throw new IllegalStateException("backend away");
        });
        Duration every = Duration.ofMinutes(10);
        vqd.check(8, jpeg(false), T0, every);
        Optional<ScheduledVqd.Outcome> dark = vqd.check(8, jpeg(true), T0.plus(every), every);
        assertThat(dark).isPresent();
        assertThat(dark.get().facts().get("vqd.faults")).contains("TOO_DARK");
        assertThat(vqd.lastFaults(8)).contains("TOO_DARK");
    }

    private static byte[] jpeg(boolean dark) throws IOException {
        return jpeg(0, dark ? 5 : 1);
    }

    /** The scene seen {@code shift} pixels further right (a turned camera), at 1/{@code k} of the light. */
    private static byte[] jpeg(int shift, int k) throws IOException {
        BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.translate(-shift, 0);
        g.setColor(new Color(170 / k, 180 / k, 190 / k));
        g.fillRect(0, 0, 640 + shift, 360);
        int bars = shift == 0 ? 12 : 12 + shift / 52 + 1;
        for (int i = 0; i < bars; i++) {
            int c = i % 12;
            g.setColor(new Color((60 + c * 15) / k, (90 + c * 9) / k, (120 - c * 5) / k));
            g.fillRect(i * 52, 80 + (i % 4) * 30, 40, 200);
            g.setColor(new Color(30 / k, 30 / k, 30 / k));
            g.drawLine(i * 52, 60, i * 52 + 48, 340);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
