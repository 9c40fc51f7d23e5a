package io.lensbench.stores.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * What {@code lensbench stores status} shows for one embedded store.
 *
 * @param store "opensearch" or "milvus"
 * @param state running and healthy, running but not healthy, stopped, or port taken by a foreign
 *     process
 * @param endpoint URL clients use
 * @param ports every port the store binds
 * @param version server version reported by the running store, or the pinned version when down
 * @param pid pid of the process LensBench started, if running
 * @param user OS user the process runs as, if running
 * @param dataDir data folder
 * @param logFile main log file
 * @param detail health detail (cluster status, plugins) or why it is not healthy
 */
public record StoreStatus(
    String store,
    State state,
    String endpoint,
    List<Integer> ports,
    String version,
    OptionalLong pid,
    String user,
    Path dataDir,
    Path logFile,
    String detail) {

  public enum State {
    HEALTHY,
    UNHEALTHY,
    STOPPED,
    PORT_TAKEN;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * A store whose process LensBench did not start: {@link State#PORT_TAKEN} when another process
   * serves its first port, else {@link State#STOPPED}.
   */
  static StoreStatus notRunning(String store, String endpoint, List<Integer> ports, String version, Path dataDir,
      Path logFile) {
    int port = ports.get(0);
    boolean taken = Processes.listening(port);
    return new StoreStatus(store, taken ? State.PORT_TAKEN : State.STOPPED, endpoint, ports, version,
        OptionalLong.empty(), "", dataDir, logFile,
        taken ? "port " + port + " is served by " + Processes.portOwner(port) + ", not by LensBench"
            : "not running (start: lensbench stores up)");
  }

  public boolean healthy() {
    return state == State.HEALTHY;
  }

  /** Multi-line human-readable block. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-10s %s%n", store, state.label()));
    sb.append(String.format(Locale.ROOT, "  endpoint  %s%n", endpoint));
    sb.append(String.format(Locale.ROOT, "  ports     %s%n", ports));
    sb.append(String.format(Locale.ROOT, "  version   %s%n", version));
    sb.append(String.format(Locale.ROOT, "  pid       %s%n",
        pid.isPresent() ? pid.getAsLong() + (user.isEmpty() ? "" : " (user " + user + ")") : "-"));
    sb.append(String.format(Locale.ROOT, "  data      %s%n", dataDir));
    sb.append(String.format(Locale.ROOT, "  log       %s%n", logFile));
    sb.append(String.format(Locale.ROOT, "  health    %s", detail));
    return sb.toString();
  }
}
