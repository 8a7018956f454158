package org.xueliang.tracker.agent.sim.gb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The MD5 digest against a vector computed outside Java (Python's hashlib). */
class DigestTest {

    @Test
    void responseWithoutQopIsMd5OfHa1NonceHa2() {
        String ha1 = Digest.md5("14082400111320000002:1408240000:Secret-1");
        String ha2 = Digest.md5("REGISTER:sip:14082400002000000001@1408240000");
        assertThat(Digest.md5(ha1 + ":91053b92a6c65593f28c3d6f6db06e61:" + ha2)).isEqualTo("fdad73aa36da1d752f9a464d2fae2ed7");
    }
}
