package dev.reportsql.types;

import java.io.IOException;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonParser;

/**
 * The last short text of each VARCHAR column of a row stream. Report columns such as a branch, a
 * shift or a status repeat from row to row; a cell whose characters equal the previous cell of its
 * column gets that (immutable) String instead of a new copy, which saves the allocation and the
 * garbage on a scan. One per stream, not shared.
 */
final class TextMemo {
    /** Longer texts are rarely repeated codes; comparing them would cost more than it saves. */
    private static final int MAX_LENGTH = 32;

    private String[] last = new String[16];

    /** The VARCHAR value of the string token on which {@code p} stands, for column {@code column}. */
    String read(JsonParser p, int column) throws IOException {
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        if (len > MAX_LENGTH) {
            return new String(chars, off, len);
        }
        if (column >= last.length) {
            last = Arrays.copyOf(last, Math.max(column + 1, last.length * 2));
        }
        String previous = last[column];
        if (previous != null && same(previous, chars, off, len)) {
            return previous;
        }
        String s = new String(chars, off, len);
        last[column] = s;
        return s;
    }

    private static boolean same(String s, char[] chars, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (s.charAt(k) != chars[off + k]) {
                return false;
            }
        }
        return true;
    }
}
