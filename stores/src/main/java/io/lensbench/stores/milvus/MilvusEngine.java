package io.lensbench.stores.milvus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Milvus answers, from the version it reports, and what it can do natively. Milvus Lite
 * reports {@code milvus_lite-3.2.2} and has every feature LensBench uses; a Milvus server reports
 * {@code v2.3.5-lite} (the PyPI package's label for the real standalone binary), {@code 2.4.13},
 * {@code v2.5.0-beta}, …: several vector fields per collection and hybrid search arrived in 2.4,
 * nullable fields and BM25 functions in 2.5. Some calls do not fail on older servers (a BM25
 * function is silently dropped), so the version decides, never a trial call.
 *
 * @param lite Milvus Lite
 * @param major server major version (Lite: 0)
 * @param minor server minor version (Lite: 0)
 * @param reported the version string as reported
 */
record MilvusEngine(boolean lite, int major, int minor, String reported) {
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  static MilvusEngine of(String reported) {
    String v = reported == null ? "" : reported.trim();
    if (v.toLowerCase(Locale.ROOT).startsWith("milvus_lite")) {
      return new MilvusEngine(true, 0, 0, v);
    }
    Matcher m = VERSION.matcher(v);
    if (!m.find()) {
      return new MilvusEngine(false, 99, 0, v); // unknown: assume a current server
    }
    return new MilvusEngine(false, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), v);
  }

  private boolean atLeast(int maj, int min) {
    return lite || major > maj || major == maj && minor >= min;
  }

  /** Several vector fields in one collection, and store-native hybrid search (2.4+). */
  boolean multiVector() {
    return atLeast(2, 4);
  }

  /** BM25 functions over analysed VARCHAR fields, sparse vectors, nullable fields (2.5+). */
  boolean bm25() {
    return atLeast(2, 5);
  }

  /** "Milvus Lite 3.2.2", "Milvus 2.3.5 (server)". */
  String label() {
    if (lite) {
      return "Milvus Lite " + reported.substring(reported.indexOf('-') + 1);
    }
    Matcher m = VERSION.matcher(reported);
    return "Milvus " + (m.find() ? m.group() : reported) + " (server)";
  }

  /** What the adapter does instead of the engine, one sentence each. */
  List<String> fallbacks() {
    List<String> out = new ArrayList<>();
    out.add("Korean text: analysed client-side with Lucene Nori before Milvus's standard tokenizer "
        + "(Milvus has no Korean analyser)");
    if (!multiVector()) {
      out.add("several vector fields: one Milvus collection per extra vector field (<collection>"
          + MilvusSchemas.COMPANION + "<field>, same ids; Milvus < 2.4 holds one vector field per collection)");
      out.add("store-native hybrid search: sub-searches fused client-side with Milvus's RRF / weighted "
          + "formulas (Milvus < 2.4 has no HybridSearch)");
    }
    if (!bm25()) {
      out.add("BM25: scored client-side over the texts stored in Milvus, Milvus's formula and "
          + "standard tokenizer (Milvus < 2.5 has no BM25 function)");
      out.add("null scalars: stored as '' (keyword), " + Long.MIN_VALUE
          + " (int) or {} (JSON) (Milvus < 2.5 has no nullable fields)");
    }
    return List.copyOf(out);
  }
}
