package io.lensbench.benchmarks;

import io.lensbench.bench.BenchFixture;
import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Query;
import io.lensbench.datasets.QueryKind;
import io.lensbench.testkit.FakeOpenAiServer;
import io.lensbench.testkit.FakeReply;
import io.lensbench.testkit.FakeRequest;
import io.lensbench.testkit.FakeScripts;
import io.lensbench.openai.OpenAiConfig;
import io.lensbench.rerank.Candidate;
import io.lensbench.rerank.LlmListwiseReranker;
import io.lensbench.rerank.LlmRerankConfig;
import io.lensbench.rerank.RerankResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The vision-LLM reranker's client overhead: building the request (images as base64 data URLs or
 * one composite grid), the HTTP round trip to an in-process FAKE OpenAI-compatible server that
 * answers instantly with a valid permutation, parsing and validating the answer. No model runs:
 * this measures what LensBench adds on top of a real endpoint's latency. Answer cache off.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RerankClientBenchmark {

  @Param({"images", "grid"})
  public String layout;

  @Param({"10"})
  public int candidates;

  private FakeOpenAiServer fake;
  private LlmListwiseReranker reranker;
  private Query query;
  private List<Candidate> list;

  @Setup(Level.Trial)
  public void start() throws IOException {
    BenchFixture f = Fixtures.load();
    List<Path> images = f.images();
    if (images.size() < 2) {
      throw new BadInputException("bench fixture needs at least 2 sample images");
    }
    fake = new FakeOpenAiServer(FakeScripts.echo());
    LlmRerankConfig cfg =
        LlmRerankConfig.of(OpenAiConfig.of(fake.baseUrl(), "fake-vlm"))
            .withCache(false)
            .withLayout(
                layout.equals("grid")
                    ? LlmRerankConfig.CandidateLayout.GRID
                    : LlmRerankConfig.CandidateLayout.IMAGES);
    reranker = new LlmListwiseReranker(cfg);
    query =
        new Query("bench-q", QueryKind.TEXT, "en", "women blue casual shoes", null, Map.of(),
            Set.of());
    list = new ArrayList<>();
    for (int i = 0; i < candidates; i++) {
      list.add(new Candidate("c" + i, images.get(i % images.size()), "candidate " + i, 1.0 / (i + 1)));
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    if (reranker != null) {
      reranker.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @Benchmark
  public RerankResult rerank() {
    return reranker.rerank(query, list);
  }
}
