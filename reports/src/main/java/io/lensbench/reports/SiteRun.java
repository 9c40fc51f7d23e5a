package io.lensbench.reports;

import java.nio.file.Path;

/** One run of a site: its directory, what the report reads from it, and its file-name slug. */
record SiteRun(Path dir, RunData data, String slug) {

  /** When it ran: provenance startedAt, else finishedAt, else empty (sorts first). */
  String date() {
    String started = data.provenance().path("startedAt").asText("");
    return started.isEmpty() || started.equals("null") ? data.provenance().path("finishedAt").asText("") : started;
  }

  /** The run's page, relative to the site's root. */
  String href() {
    return "runs/" + slug + "/report.html";
  }

  /** The comparison page of this run (A) against {@code b}, relative to the site's root. */
  String compareHref(SiteRun b) {
    return "compare/" + slug + "__" + b.slug() + "/report.html";
  }
}
