package io.lensbench.runner;

import io.lensbench.captioners.CachedCaptioner;
import io.lensbench.captioners.AttributeCaptioner;
import io.lensbench.captioners.Captioner;
import io.lensbench.captioners.OcrCaptioner;
import io.lensbench.captioners.VlmCaptioner;
import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Dataset;
import io.lensbench.datasets.Item;
import io.lensbench.openai.OpenAiChatClient;
import io.lensbench.openai.OpenAiConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens captioners by id behind the caption cache: {@code tesseract} (OCR, eng+kor),
 * {@code attribute} (the experiment's joint encoder over the dataset's attribute vocabulary) and
 * {@code vlm} (an OpenAI-compatible endpoint from {@code LENSBENCH_VLM_BASE_URL} and
 * {@code LENSBENCH_VLM_MODEL}).
 */
final class CaptionerFactory {
  static final String VLM_BASE_URL = "LENSBENCH_VLM_BASE_URL";
  static final String VLM_MODEL = "LENSBENCH_VLM_MODEL";

  private final Dataset dataset;
  private final Environment env;
  private final ModelFactory models;
  private final String jointId;
  private final Closer closer;
  private final ModelCards cards;
  private final Map<String, Captioner> opened = new HashMap<>();

  CaptionerFactory(Dataset dataset, Environment env, ModelFactory models, String jointId,
      Closer closer, ModelCards cards) {
    this.dataset = dataset;
    this.env = env;
    this.models = models;
    this.jointId = jointId;
    this.closer = closer;
    this.cards = cards;
  }

  Captioner open(String id) {
    return opened.computeIfAbsent(id, this::create);
  }

  private Captioner create(String id) {
    Captioner inner = switch (id) {
      case "tesseract" -> new OcrCaptioner();
      case "attribute" -> attribute();
      case "vlm" -> vlm();
      default -> throw new BadInputException(String.format(Locale.ROOT,
          "captioner '%s': expected one of attribute, tesseract, vlm (or text-summary as a "
              + "strategy's item captioner)", id));
    };
    CachedCaptioner c = closer.track(new CachedCaptioner(inner, env.cacheDir()));
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("id", c.id());
    card.put("kind", "captioner");
    cards.putIfAbsent(id, card);
    return c;
  }

  private Captioner attribute() {
    List<Map<String, String>> attrs = new ArrayList<>();
    for (Item it : dataset.items().values()) {
      attrs.add(it.attributes());
    }
    return new AttributeCaptioner(models.joint(jointId),
        AttributeCaptioner.Vocabulary.fromAttributes(attrs));
  }

  private Captioner vlm() {
    String base = env.get(VLM_BASE_URL).orElse(null);
    String model = env.get(VLM_MODEL).orElse(null);
    if (base == null || model == null) {
      throw new BadInputException("captioner 'vlm': expected an OpenAI-compatible endpoint in "
          + VLM_BASE_URL + " and " + VLM_MODEL + ", found "
          + (base == null ? "no " + VLM_BASE_URL : "no " + VLM_MODEL));
    }
    return new VlmCaptioner(closer.track(new OpenAiChatClient(OpenAiConfig.of(base, model))));
  }
}
