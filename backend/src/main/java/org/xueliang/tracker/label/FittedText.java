package org.xueliang.tracker.label;

import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;

/**
 * A text fitted into a width on at most a number of lines: at the preferred size if it fits, else at the largest size
 * down to the minimum that fits, else at the minimum with the last line cut and ended with "…". So nothing a label
 * prints runs past its edge, and a long name loses its end, not its size.
 */
record FittedText(float size, List<String> lines) {

    static final String ELLIPSIS = "…";
    private static final float STEP = 0.25f;

    static FittedText fit(String text, BaseFont font, float preferred, float minimum, float width, int maxLines) {
        String s = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        for (float size = preferred; size >= minimum; size -= STEP) {
            List<String> lines = wrap(s, font, size, width);
            if (lines.size() <= maxLines) {
                return new FittedText(size, lines);
            }
        }
        List<String> lines = new ArrayList<>(wrap(s, font, minimum, width).subList(0, maxLines));
        lines.set(maxLines - 1, ellipsised(lines.get(maxLines - 1), font, minimum, width));
        return new FittedText(minimum, lines);
    }

    /**
     * Greedy lines: as many characters as fit, broken after the last space or hyphen of the line when there is one in
     * its second half (Latin words stay whole), else anywhere (Chinese has no spaces and may break between any two).
     */
    static List<String> wrap(String s, BaseFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < s.length()) {
            int end = start;
            while (end < s.length() && font.getWidthPoint(s.substring(start, s.offsetByCodePoints(end, 1)), size) <= width) {
                end = s.offsetByCodePoints(end, 1);
            }
            if (end == start) { // not even one character fits: take it anyway rather than loop
                end = s.offsetByCodePoints(end, 1);
            } else if (end < s.length()) {
                int hyphen = s.lastIndexOf('-', end - 1);
                int breakEnd = Math.max(s.lastIndexOf(' ', end), hyphen < 0 ? -1 : hyphen + 1); // a hyphen stays on the line
                if (breakEnd > start + (end - start) / 2) {
                    end = breakEnd;
                }
            }
            lines.add(s.substring(start, end).strip());
            start = end;
            while (start < s.length() && s.charAt(start) == ' ') {
                start++;
            }
        }
        return lines.isEmpty() ? List.of("") : lines;
    }

    private static String ellipsised(String line, BaseFont font, float size, float width) {
        String cut = line;
        while (!cut.isEmpty() && font.getWidthPoint(cut + ELLIPSIS, size) > width) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut.strip() + ELLIPSIS;
    }
}
