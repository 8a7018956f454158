package org.xueliang.tracker.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Byte-level mutations of a seed input, in the manner of coverage-less fuzzers: flips, deletions, duplications,
 * random bytes, splices with another seed and insertions of "interesting" tokens (a dictionary of what the format's
 * parser reacts to: delimiters, huge numbers, odd encodings). A few mutations stacked per input keep most inputs
 * near-valid, which is where parsers go wrong.
 */
public final class Mutator {

    private static final List<String> COMMON = List.of("", "\u0000", "\uFEFF", "\r\n", "\n", "\r", "\"", "'", ",", ";",
            "\t", "-1", "0", "-0", "1e999999999", "1E+2147483647", "-9223372036854775809", "9223372036854775807",
            "2147483648", "NaN", "Infinity", "0x7fffffff", "99999999999999999999999999999999", "\uD800", "\uDFFF",
            "中文", "𝄞", "%s%n", "${jndi:ldap://127.0.0.1/a}", "<", ">", "&", "&amp;", "]]>", "=cmd|' /C calc'!A0");

    private final List<String> dictionary;

    private Mutator(List<String> dictionary) {
        this.dictionary = dictionary;
    }

    /** A mutator with the common tokens plus the format's own. */
    public static Mutator withTokens(String... tokens) {
        return new Mutator(java.util.stream.Stream.concat(COMMON.stream(), java.util.Arrays.stream(tokens)).toList());
    }

    /** One to {@code maxStack} mutations of a seed drawn from {@code seeds}. */
    public byte[] mutate(Random random, List<byte[]> seeds, int maxStack) {
        byte[] out = seeds.get(random.nextInt(seeds.size()));
        int n = 1 + random.nextInt(maxStack);
        for (int i = 0; i < n; i++) {
            out = once(random, out, seeds);
        }
        return out;
    }

    /** The same on text (mutated as UTF-8 bytes, so broken encodings come out too). */
    public String mutateText(Random random, List<String> seeds, int maxStack) {
        List<byte[]> raw = seeds.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        return new String(mutate(random, raw, maxStack), StandardCharsets.UTF_8);
    }

    /** A token of the dictionary. */
    public String token(Random random) {
        return dictionary.get(random.nextInt(dictionary.size()));
    }

    private byte[] once(Random random, byte[] in, List<byte[]> seeds) {
        int len = in.length;
        int at = len == 0 ? 0 : random.nextInt(len + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 64);
        switch (random.nextInt(8)) {
            case 0 -> { // flip a bit
                byte[] copy = in.clone();
                if (len > 0) {
                    copy[random.nextInt(len)] ^= (byte) (1 << random.nextInt(8));
                }
                return copy;
            }
            case 1 -> { // delete a range
                int end = Math.min(len, at + 1 + random.nextInt(16));
                out.write(in, 0, at);
                out.write(in, end, len - end);
            }
            case 2 -> { // duplicate a range
                int end = Math.min(len, at + 1 + random.nextInt(64));
                out.write(in, 0, end);
                out.write(in, at, end - at);
                out.write(in, end, len - end);
            }
            case 3 -> { // random bytes
                out.write(in, 0, at);
                byte[] noise = new byte[1 + random.nextInt(8)];
                random.nextBytes(noise);
                out.writeBytes(noise);
                out.write(in, at, len - at);
            }
            case 4 -> { // splice: our head, another seed's tail
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int from = other.length == 0 ? 0 : random.nextInt(other.length);
                out.write(in, 0, at);
                out.write(other, from, other.length - from);
            }
            case 5 -> { // truncate
                out.write(in, 0, at);
            }
            default -> { // insert a token (twice as likely: it is what reaches the parser's corners)
                out.write(in, 0, at);
                out.writeBytes(token(random).getBytes(StandardCharsets.UTF_8));
                out.write(in, at, len - at);
            }
        }
        return out.toByteArray();
    }
}
