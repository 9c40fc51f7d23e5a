package io.lensbench.runner;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * How much memory a process holds: the kernel's view ({@code VmHWM}, the peak resident set, and
 * {@code VmRSS} from {@code /proc/<pid>/status}) and, for this JVM, the largest heap still in use
 * right after a garbage collection while the watch was open — the live data, which stays flat when
 * a run streams, whereas the resident set also holds whatever heap the collector chose to keep.
 */
public final class ProcessMemory implements AutoCloseable {
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onGc;
  private long peakAfterGc;
  private long collections;

  /** Starts watching this JVM's collections. */
  public ProcessMemory() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(listener, null, null);
        emitters.add(e);
      }
    }
  }

  private synchronized void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long used = 0;
    for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
      used += u.getUsed();
    }
    peakAfterGc = Math.max(peakAfterGc, used);
    collections++;
  }

  /** This JVM now: peak and current resident set, heap limit, peak live heap after a collection. */
  public synchronized Map<String, Object> jvm() {
    Map<String, Object> m = new LinkedHashMap<>();
    Path status = Path.of("/proc/self/status");
    m.put("peakRssBytes", field(status, "VmHWM").stream().boxed().findFirst().orElse(null));
    m.put("rssBytes", field(status, "VmRSS").stream().boxed().findFirst().orElse(null));
    m.put("heapMaxBytes", Runtime.getRuntime().maxMemory());
    m.put("peakHeapAfterGcBytes", peakAfterGc);
    m.put("collections", collections);
    return m;
  }

  /** A process's peak and current resident set, or nulls when it is not readable. */
  public static Map<String, Object> of(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pid", pid);
    m.put("peakRssBytes", field(status, "VmHWM").stream().boxed().findFirst().orElse(null));
    m.put("rssBytes", field(status, "VmRSS").stream().boxed().findFirst().orElse(null));
    return m;
  }

  /** The 1, 5 and 15 minute load averages ({@code /proc/loadavg}), or null. */
  public static List<Double> loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return List.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A {@code kB} line of a status file, in bytes. */
  static OptionalLong field(Path status, String name) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith(name + ":")) {
          String v = line.substring(name.length() + 1).trim().split("\\s+")[0];
          return OptionalLong.of(Long.parseLong(v) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }

  @Override
  public void close() {
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (javax.management.ListenerNotFoundException ignored) {
        // already gone
      }
    }
  }
}
