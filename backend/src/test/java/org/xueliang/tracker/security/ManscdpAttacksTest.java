package org.xueliang.tracker.security;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xueliang.tracker.agent.gb.HostileBodies;
import org.xueliang.tracker.agent.gb.Manscdp;
import org.xueliang.tracker.agent.gb.ManscdpException;

/**
 * The {@code fuzz} group's device side for GB/T 28181 (issue 10): each hostile MANSCDP body of the catalogue
 * ({@link HostileBodies}: XXE, external DTDs, entity expansion, nesting, sizes, lying charsets) goes through the codec
 * the SIP server parses device bodies with, and counts as refused only when the codec threw its documented
 * {@link ManscdpException} without the canary file's text anywhere. The 100,000-input fuzz run of the same codec is
 * {@code agent.gb.ManscdpFuzzTest} in the agents module.
 */
class ManscdpAttacksTest {

    private static final String GROUP = "fuzz";
    private static final String CANARY = "CANARY-backend-5e1f";

    @TempDir
    Path dir;

    @Test
    void hostile_device_bodies_are_refused_by_the_codec() throws Exception {
        String url = Files.writeString(dir.resolve("canary.txt"), CANARY).toUri().toString();
        for (var attack : HostileBodies.all(url).entrySet()) {
            AttackTally.attempt(GROUP, "MANSCDP body: " + attack.getKey(), () -> {
                try {
                    Manscdp.parse(attack.getValue());
                    return false; // accepted at all is let through, whatever it contains
                } catch (ManscdpException refused) {
                    return refused.getMessage() == null || !refused.getMessage().contains(CANARY);
                }
            });
        }
    }
}
