package io.lensbench.opensearch.nori;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.AbstractTokenizerFactory;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.TokenizerFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * Korean analysis for OpenSearch around Lucene's Nori: tokenizer {@code nori_tokenizer} (setting
 * {@code decompound_mode}: none | discard | mixed) and analyzer {@code nori}.
 *
 * <p>The {@code nori} analyzer is Lucene's KoreanAnalyzer chain (tokenizer, part-of-speech stop
 * filter, reading form, lower case) plus one stop word: the bare noun {@code 색} ("colour"). Nori
 * splits 빨간색 into 빨간 + 색, so without this every colour word would match every other through
 * 색; with it a query of 색 alone matches nothing. It also adds a small user dictionary of
 * attributive colour words (빨간, 파란, ...): alone, Nori reads "빨간" as the adjective 빨갛 + an
 * ending, but inside 빨간색 as the noun 빨간, so "빨간 셔츠" would never find "빨간색 셔츠"; as
 * dictionary nouns both sides agree. Settings of an analyzer of type nori: {@code
 * decompound_mode}, {@code stop_color_noun} (default true), {@code colour_dictionary} (default
 * true), {@code user_dictionary_rules} (extra Nori user dictionary lines).
 */
public final class NoriAnalysisPlugin extends Plugin implements AnalysisPlugin {

  /** Nouns that carry no meaning on their own once Nori has split a compound. */
  static final Set<String> DEFAULT_STOP_WORDS = Set.of("색");

  /** Attributive colour words made dictionary nouns (see the class comment). */
  static final List<String> COLOUR_WORDS =
      List.of("빨간", "파란", "노란", "하얀", "검은", "까만", "붉은", "푸른", "누런", "흰");

  @Override
  public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
    return Map.of("nori_tokenizer", NoriTokenizerFactory::new);
  }

  @Override
  public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
    return Map.of("nori", NoriAnalyzerProvider::new);
  }

  static DecompoundMode decompoundMode(Settings settings) {
    String mode = settings.get("decompound_mode", "discard");
    try {
      return DecompoundMode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "nori: decompound_mode expected none|discard|mixed, found '" + mode + "'", e);
    }
  }

  /** Nori user dictionary from rules (one entry per line), or null when there are none. */
  static UserDictionary userDictionary(List<String> rules) {
    if (rules.isEmpty()) {
      return null;
    }
    try {
      return UserDictionary.open(new StringReader(String.join("\n", rules)));
    } catch (IOException e) {
      throw new UncheckedIOException("nori: invalid user_dictionary_rules " + rules, e);
    }
  }

  static final class NoriTokenizerFactory extends AbstractTokenizerFactory {
    private final DecompoundMode mode;
    private final UserDictionary dictionary;

    NoriTokenizerFactory(IndexSettings index, Environment env, String name, Settings settings) {
      super(index, settings, name);
      this.mode = decompoundMode(settings);
      this.dictionary = userDictionary(settings.getAsList("user_dictionary_rules"));
    }

    @Override
    public Tokenizer create() {
      return new KoreanTokenizer(
          KoreanTokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, dictionary, mode, false);
    }
  }

  static final class NoriAnalyzerProvider extends AbstractIndexAnalyzerProvider<Analyzer> {
    private final Analyzer analyzer;

    NoriAnalyzerProvider(IndexSettings index, Environment env, String name, Settings settings) {
      super(index, name, settings);
      List<String> rules = new ArrayList<>();
      if (settings.getAsBoolean("colour_dictionary", true)) {
        rules.addAll(COLOUR_WORDS);
      }
      rules.addAll(settings.getAsList("user_dictionary_rules"));
      this.analyzer = new LensBenchKoreanAnalyzer(decompoundMode(settings), userDictionary(rules),
          settings.getAsBoolean("stop_color_noun", true));
    }

    @Override
    public Analyzer get() {
      return analyzer;
    }
  }

  /** KoreanAnalyzer's chain plus a stop filter for meaningless split-off nouns. */
  static final class LensBenchKoreanAnalyzer extends Analyzer {
    private final DecompoundMode mode;
    private final UserDictionary dictionary;
    private final boolean stopColourNoun;

    LensBenchKoreanAnalyzer(DecompoundMode mode, UserDictionary dictionary, boolean stopColourNoun) {
      this.mode = mode;
      this.dictionary = dictionary;
      this.stopColourNoun = stopColourNoun;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer tokenizer = new KoreanTokenizer(
          KoreanTokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, dictionary, mode, false);
      TokenStream stream = new KoreanPartOfSpeechStopFilter(tokenizer);
      stream = new KoreanReadingFormFilter(stream);
      stream = new LowerCaseFilter(stream);
      if (stopColourNoun) {
        stream = new StopFilter(stream, new CharArraySet(DEFAULT_STOP_WORDS, false));
      }
      return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }
  }
}
