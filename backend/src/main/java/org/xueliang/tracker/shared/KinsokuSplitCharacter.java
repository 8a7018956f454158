package org.xueliang.tracker.shared;

import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where OpenPDF may break a line in Chinese text (禁则, kinsoku): never before closing punctuation
 * （）。，、；：！？」』》 and the like) nor after opening punctuation (（「『《); between two ideographs, after
 * closing punctuation and between Latin text and an ideograph it may. OpenPDF's default breaks after
 * any ideograph, so a line could start with "）。".
 */
public final class KinsokuSplitCharacter extends DefaultSplitCharacter {

    public static final KinsokuSplitCharacter INSTANCE = new KinsokuSplitCharacter();

    /** Characters that must not start a line. */
    static final String NO_LINE_START = "）)]］｝}〕〉》」』】〙〗〟’”｠»。，、；：！？．.,;:!?…‥・～%％";

    /** Characters that must not end a line. */
    static final String NO_LINE_END = "（([［｛{〔〈《「『【〘〖〝‘“｟«";

    private KinsokuSplitCharacter() {
    }

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        char c = getCurrentCharacter(current, cc, ck);
        if (NO_LINE_END.indexOf(c) >= 0) {
            return false;
        }
        if (current + 1 < end) {
            char next = getCurrentCharacter(current + 1, cc, ck);
            if (NO_LINE_START.indexOf(next) >= 0) {
                return false;
            }
            if (wide(c) || wide(next)) {
                // after full-width closing punctuation, and between an ideograph and anything else
                return c > ' ' || super.isSplitCharacter(start, current, end, cc, ck);
            }
        }
        return super.isSplitCharacter(start, current, end, cc, ck);
    }

    private static boolean wide(char c) {
        return c >= 0x2E80;
    }
}
