package io.lensbench.strategies;

import io.lensbench.captioners.Captioner;
import io.lensbench.core.BadInputException;
import io.lensbench.datasets.Query;
import java.util.List;
import java.util.Locale;

/**
 * The text a query stands for when it is searched with a text model: text → itself; image →
 * caption of the image; table-image → OCR of the image; image+text → caption, then the
 * instruction.
 */
public final class QueryText {
  private final Captioner imageCaptioner;
  private final Captioner ocr;

  /** Either captioner may be null; {@link #of} then returns null for the kinds needing it. */
  public QueryText(Captioner imageCaptioner, Captioner ocr) {
    this.imageCaptioner = imageCaptioner;
    this.ocr = ocr;
  }

  public boolean canCaption() {
    return imageCaptioner != null;
  }

  public boolean canOcr() {
    return ocr != null;
  }

  /** The query's text, or null when this kind needs a captioner that is not configured. */
  public String of(Query q) {
    switch (q.kind()) {
      case TEXT:
        return q.text();
      case IMAGE:
        return imageCaptioner == null ? null : caption(imageCaptioner, q);
      case TABLE_IMAGE:
        return ocr == null ? null : caption(ocr, q);
      case IMAGE_TEXT:
        if (imageCaptioner == null) {
          return q.text();
        }
        return caption(imageCaptioner, q).strip() + ". " + (q.text() == null ? "" : q.text());
      default:
        throw new IllegalStateException("unhandled kind " + q.kind());
    }
  }

  private static String caption(Captioner c, Query q) {
    if (q.image() == null) {
      throw new BadInputException(
          String.format(Locale.ROOT,
              "query '%s' (kind %s) has no image; captioner '%s' needs one",
              q.id(), q.kind().wireName(), c.id()));
    }
    List<String> out = c.caption(List.of(q.image()));
    return out.isEmpty() || out.get(0) == null ? "" : out.get(0);
  }
}
