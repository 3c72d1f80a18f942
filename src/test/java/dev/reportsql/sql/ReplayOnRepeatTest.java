package dev.reportsql.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.junit.jupiter.api.Test;

class ReplayOnRepeatTest {
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger repeats = new AtomicInteger();

    /** Three rows, written into one reused array as a streaming enumerator does. */
    private Enumerator<Object[]> source() {
        opened.incrementAndGet();
        Object[] row = new Object[1];
        Enumerator<Long> values = Linq4j.enumerator(List.of(1L, 2L, 3L));
        return new Enumerator<>() {
            @Override
            public Object[] current() {
                row[0] = values.current();
                return row;
            }

            @Override
            public boolean moveNext() {
                return values.moveNext();
            }

            @Override
            public void reset() {
                values.reset();
            }

            @Override
            public void close() {
            }
        };
    }

    private static List<Object> drain(Enumerator<Object[]> e, int most) {
        List<Object> out = new ArrayList<>();
        while (out.size() < most && e.moveNext()) {
            out.add(e.current()[0]);
        }
        e.close();
        return out;
    }

    @Test
    void readsTwiceThenReplaysTheSecondRead() {
        ReplayOnRepeat r = new ReplayOnRepeat(this::source, repeats::incrementAndGet);
        for (int pass = 0; pass < 5; pass++) {
            assertEquals(List.of(1L, 2L, 3L), drain(r.enumerator(), Integer.MAX_VALUE), "pass " + pass);
        }
        assertEquals(2, opened.get());
        assertEquals(1, repeats.get());
    }

    @Test
    void aPassLeftBeforeItsEndKeepsNothing() {
        ReplayOnRepeat r = new ReplayOnRepeat(this::source, repeats::incrementAndGet);
        assertEquals(List.of(1L), drain(r.enumerator(), 1));
        assertEquals(List.of(1L, 2L), drain(r.enumerator(), 2));
        assertEquals(List.of(1L, 2L, 3L), drain(r.enumerator(), Integer.MAX_VALUE));
        assertEquals(List.of(1L, 2L, 3L), drain(r.enumerator(), Integer.MAX_VALUE));
        assertEquals(3, opened.get());
    }

    @Test
    void moreRowsThanItKeepsAreReadFromTheSourceEveryPass() {
        ReplayOnRepeat r = new ReplayOnRepeat(this::source, repeats::incrementAndGet, 2);
        for (int pass = 0; pass < 4; pass++) {
            assertEquals(List.of(1L, 2L, 3L), drain(r.enumerator(), Integer.MAX_VALUE));
        }
        assertEquals(4, opened.get());
        assertEquals(3, repeats.get());
    }
}
