package io.gongkai.aggregation.service;

import io.gongkai.aggregation.mapping.Table;
import io.gongkai.aggregation.mapping.TableFormat;
import org.jboss.logging.Logger;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A table ready to be written as a file, reading the database as it goes. It may hold an export slot, which it
 * gives back once no thread writes it any more: when the writing ends, or at once when the exchange ends before the
 * writing began. When the exchange ends first (the client went away), the writing stops at its next write instead of
 * reading the rest of the database for nobody.
 */
public final class Export implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Export.class);

    private final String fileName;
    private final TableFormat format;
    private final String title;
    private final Table table;
    private final ExportSlots.Slot slot;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean abandoned = new AtomicBoolean();

    Export(String fileName, TableFormat format, String title, Table table, ExportSlots.Slot slot) {
        this.fileName = fileName;
        this.format = format;
        this.title = title;
        this.table = table;
        this.slot = slot;
    }

    /** The name a browser saves it under, e.g. {@code 640402-2023-units.xlsx}: codes are letters, digits and hyphens. */
    public String fileName() {
        return fileName;
    }

    public TableFormat format() {
        return format;
    }

    /** Writes the whole table to the stream (left open), once; stops quietly when the exchange ends first. */
    public void writeTo(OutputStream out) throws IOException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("export " + fileName + " is written only once");
        }
        try {
            format.write(title, table, new StopsWhenAbandoned(out));
        } catch (IOException e) {
            if (!abandoned.get()) {
                throw e;
            }
            LOG.infof("export %s stopped: the client went away", fileName);
        } finally {
            giveBackSlot();
        }
    }

    /** The exchange has ended, however it ended. */
    @Override
    public void close() {
        abandoned.set(true);
        if (started.compareAndSet(false, true)) {
            giveBackSlot();
        }
    }

    private void giveBackSlot() {
        if (slot != null) {
            slot.close();
        }
    }

    /** Fails every write once the exchange has ended: the answer's own stream may swallow them silently. */
    private final class StopsWhenAbandoned extends FilterOutputStream {

        StopsWhenAbandoned(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            check();
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            check();
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            check();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        private void check() throws IOException {
            if (abandoned.get()) {
                throw new IOException("the exchange of export " + fileName + " has ended");
            }
        }
    }
}
