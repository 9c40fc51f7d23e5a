package io.lensbench.stores.embedded;

import io.lensbench.core.InfrastructureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The OS user a store process runs as. No store runs as root (OpenSearch refuses it): when
 * LensBench runs as root it creates a system user (default {@code lensbench}, {@code useradd
 * --system}) and starts every store through {@code setpriv}; otherwise the stores run as the
 * current user.
 */
final class ServiceUser {
  private final String name;
  private final String uid;
  private final String gid;
  private final boolean switching;
  private final Consumer<String> log;

  private ServiceUser(String name, String uid, String gid, boolean switching, Consumer<String> log) {
    this.name = name;
    this.uid = uid;
    this.gid = gid;
    this.switching = switching;
    this.log = log;
  }

  static ServiceUser forNode(String wanted, Consumer<String> log) {
    if (!Processes.isRoot()) {
      return new ServiceUser(System.getProperty("user.name"), "", "", false, log);
    }
    if (!wanted.matches("[a-z_][a-z0-9_-]{0,31}")) {
      throw new InfrastructureException("stores: service user name expected [a-z_][a-z0-9_-]*, found '" + wanted + "'");
    }
    Processes.Result id = Processes.run(List.of("id", "-u", wanted), Duration.ofSeconds(10));
    if (!id.ok()) {
      Processes.Result add = Processes.run(List.of("useradd", "--system", "--user-group",
          "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", wanted),
          Duration.ofSeconds(30));
      if (!add.ok()) {
        throw new InfrastructureException("stores: cannot create system user '" + wanted
            + "' (useradd exit " + add.exitCode() + "): " + add.output().trim());
      }
      log.accept("stores: created system user '" + wanted + "' to run the stores (never as root)");
      id = Processes.run(List.of("id", "-u", wanted), Duration.ofSeconds(10));
    }
    Processes.Result gid = Processes.run(List.of("id", "-g", wanted), Duration.ofSeconds(10));
    if (!id.ok() || !gid.ok()) {
      throw new InfrastructureException("stores: cannot read uid/gid of user '" + wanted + "': "
          + id.output().trim() + " " + gid.output().trim());
    }
    return new ServiceUser(wanted, id.output().trim(), gid.output().trim(), true, log);
  }

  /** True when processes are started as this user from root (setpriv). */
  boolean switching() {
    return switching;
  }

  String uid() {
    return uid;
  }

  String gid() {
    return gid;
  }

  /** Command prefix that drops to this user ({@code setpriv ...}), or nothing. */
  List<String> launchPrefix() {
    if (!switching) {
      return List.of();
    }
    List<String> cmd = new ArrayList<>();
    cmd.add("setpriv");
    cmd.add("--reuid=" + uid);
    cmd.add("--regid=" + gid);
    cmd.add("--init-groups");
    return cmd;
  }

  String describe() {
    return switching ? ", user " + name : "";
  }

  /**
   * Hands a folder tree to this user (chown -R) when a folder LensBench makes in it is not
   * already theirs — a sub-folder re-created by root (say a deleted data folder) would otherwise
   * stop the server. Those are at most two levels down (data, logs, conf/jvm.options.d); below
   * them the server writes as this user, so its data (thousands of files at 1M items) is not walked.
   */
  void own(Path dir) {
    if (!switching || ownsEveryFolder(dir)) {
      return;
    }
    Processes.Result r = Processes.run(List.of("chown", "-R", uid + ":" + gid, dir.toString()),
        Duration.ofMinutes(2));
    if (!r.ok()) {
      throw new InfrastructureException("stores: cannot chown " + dir + " to " + name + ": " + r.output().trim());
    }
  }

  /** True when {@code dir} and the folders up to two levels below it belong to this user. */
  private boolean ownsEveryFolder(Path dir) {
    try (Stream<Path> tree = Files.walk(dir, 2)) {
      return tree.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .allMatch(p -> ownedByMe(p));
    } catch (IOException | UncheckedIOException e) {
      return false; // chown reports the problem
    }
  }

  private boolean ownedByMe(Path p) {
    try {
      return Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName().equals(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Makes every ancestor of {@code path} traversable (o+x, not readable) so this user can reach
   * it: /root is 0700 on Debian, and the default home is /root/.lensbench.
   */
  void ensureTraversable(Path path) {
    if (!switching) {
      return;
    }
    List<Path> chain = new ArrayList<>();
    for (Path p = path.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      chain.add(0, p);
    }
    for (Path p : chain) {
      try {
        if (!Files.isDirectory(p)) {
          continue;
        }
        Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p));
        if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
          perms.add(PosixFilePermission.OTHERS_EXECUTE);
          Files.setPosixFilePermissions(p, perms);
          log.accept("stores: granted traverse (o+x, no listing) on " + p + " so user '" + name
              + "' can reach " + path);
        }
      } catch (IOException | IllegalArgumentException e) {
        throw new InfrastructureException("stores: user '" + name + "' cannot reach " + path
            + " and o+x on " + p + " failed: " + e.getMessage()
            + "; set LENSBENCH_HOME to a folder that user can reach", e);
      }
    }
  }
}
