package dev.reportsql.sandbox.sooperwizer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.LongAdder;

/** Adds the bytes written through it to a counter (the sandbox's response-bytes statistic). */
final class CountingOutputStream extends FilterOutputStream {
    private final LongAdder counter;

    CountingOutputStream(OutputStream out, LongAdder counter) {
        super(out);
        this.counter = counter;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        counter.increment();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        counter.add(len);
    }
}
