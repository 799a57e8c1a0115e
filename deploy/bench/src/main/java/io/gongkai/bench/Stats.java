package io.gongkai.bench;

import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Latency histograms (microseconds) and a few /proc readings. */
final class Stats {

    private Stats() {
    }

    static Histogram histogram() {
        return new Histogram(120_000_000L, 3); // up to 120 s in microseconds
    }

    static Histogram merge(List<Histogram> parts) {
        Histogram all = histogram();
        parts.forEach(all::add);
        return all;
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    /** A /proc/PID/status field in kB (VmHWM, VmRSS), or -1. */
    static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (Exception e) {
            // process gone
        }
        return -1;
    }

    /** User + system CPU seconds a process has used (clock ticks of 1/100 s), or NaN. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** CPU seconds the whole machine has been busy (all cores: user, nice, system, irq, softirq, steal). */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** The pid of the local MariaDB/MySQL server, or -1. */
    static long databasePid() {
        try (var dirs = Files.list(Path.of("/proc"))) {
            return dirs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    String comm = Files.readString(p.resolve("comm")).trim();
                    return comm.equals("mariadbd") || comm.equals("mysqld");
                } catch (Exception e) {
                    return false;
                }
            }).mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst().orElse(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    static String fmt(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(java.util.Locale.ROOT, "%,." + decimals + "f", value);
    }
}
