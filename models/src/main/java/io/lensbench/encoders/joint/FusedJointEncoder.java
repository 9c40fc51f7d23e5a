package io.lensbench.encoders.joint;

import io.lensbench.core.BadInputException;
import io.lensbench.core.Hashing;
import io.lensbench.core.InfrastructureException;
import io.lensbench.encoders.JointEncoder;
import io.lensbench.encoders.JointEncoders;
import io.lensbench.encoders.TextEncoder;
import io.lensbench.encoders.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An ensemble of joint models that share one text tower: an image's vector is the normalised
 * weighted sum of the members' unit image vectors; texts go through the shared text tower (the
 * first member's). Its folder holds only {@code model-card.json}, naming its member folders
 * (siblings under the same parent) and their ids.
 */
public final class FusedJointEncoder implements JointEncoder {
  public static final String ARCHITECTURE = "fused/v1";

  private final Map<String, Object> card;
  private final List<JointEncoder> members;
  private final double[] weights;

  private FusedJointEncoder(Map<String, Object> card, List<JointEncoder> members, double[] weights) {
    this.card = card;
    this.members = members;
    this.weights = weights;
  }

  public static FusedJointEncoder open(Path dir) {
    Path cardFile = dir.resolve(JointTrainer.CARD_FILE);
    Map<String, Object> card = JointTrainer.readCard(cardFile);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> spec = (List<Map<String, Object>>) card.get("members");
    List<JointEncoder> members = new ArrayList<>();
    double[] weights = new double[spec.size()];
    try {
      for (int i = 0; i < spec.size(); i++) {
        Map<String, Object> m = spec.get(i);
        JointEncoder e = JointEncoders.open(dir.resolveSibling(String.valueOf(m.get("folder"))));
        members.add(e);
        if (!e.id().equals(m.get("id"))) {
          throw new BadInputException(cardFile + ": member " + m.get("folder") + " expected id '"
              + m.get("id") + "', found '" + e.id() + "' (retrained member: rebuild the ensemble)");
        }
        weights[i] = ((Number) m.get("weight")).doubleValue();
      }
      return new FusedJointEncoder(card, members, weights);
    } catch (RuntimeException e) {
      members.forEach(JointEncoder::close);
      throw e;
    }
  }

  /**
   * Writes an ensemble of the member folders (weights in order) into outDir and scores it on the
   * held-out items.
   */
  public static JointTrainer.Result build(List<Path> memberDirs, double[] weights,
      List<EvalItem> heldOut, Path outDir, Map<String, Object> provenance, Consumer<String> log) {
    List<Map<String, Object>> spec = new ArrayList<>();
    List<JointEncoder> opened = new ArrayList<>();
    try {
      for (int i = 0; i < memberDirs.size(); i++) {
        JointEncoder e = JointEncoders.open(memberDirs.get(i));
        opened.add(e);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folder", memberDirs.get(i).getFileName().toString());
        m.put("id", e.id());
        m.put("weight", weights[i]);
        spec.add(m);
      }
      String textId = textTower(opened.get(0)).id();
      for (JointEncoder e : opened) {
        if (!textTower(e).id().equals(textId)) {
          throw new BadInputException("fused joint model: members must share a text tower, found '"
              + textId + "' and '" + textTower(e).id() + "'");
        }
      }
      FusedJointEncoder fused = new FusedJointEncoder(Map.of(), opened, weights);
      JointMetrics metrics = heldOut.isEmpty() ? null : JointMetrics.evaluate(heldOut,
          fused.embedImages(heldOut.stream().map(EvalItem::image).toList()), textTower(opened.get(0)));
      String id = "lensbench-joint-fused-" + Hashing.sha256Hex(spec.toString()).substring(0, 12);
      Map<String, Object> card = JointCard.head(id, "joint image-text: an ensemble of joint models"
          + " sharing one text tower (normalised weighted sum of their image vectors)", ARCHITECTURE,
          textId, opened.get(0).dimension());
      card.put("members", spec);
      card.put("provenance", provenance);
      JointCard.tail(card, metrics, textId);
      Files.createDirectories(outDir);
      JointTrainer.writeCard(outDir.resolve(JointTrainer.CARD_FILE), card);
      if (metrics != null) {
        log.accept("joint fused: " + metrics.summary());
      }
      return new JointTrainer.Result(outDir, card, metrics, List.of());
    } catch (IOException e) {
      throw new InfrastructureException("fused joint model: cannot write " + outDir + ": "
          + e.getMessage(), e);
    } finally {
      opened.forEach(JointEncoder::close);
    }
  }

  /** The text tower of a member (trained CNN or head model). */
  static TextEncoder textTower(JointEncoder e) {
    if (e instanceof CardJointEncoder c) {
      return c.textEncoder();
    }
    throw new BadInputException("fused joint model: member '" + e.id() + "' is not a LensBench"
        + " joint model (expected a trained CNN or a head model)");
  }

  @Override
  public String id() {
    return String.valueOf(card.get("id"));
  }

  @Override
  public int dimension() {
    return members.get(0).dimension();
  }

  public Map<String, Object> card() {
    return card;
  }

  public TextEncoder textEncoder() {
    return textTower(members.get(0));
  }

  @Override
  public List<float[]> embedImages(List<Path> images) {
    List<List<float[]>> byMember = new ArrayList<>();
    for (JointEncoder m : members) {
      byMember.add(m.embedImages(images));
    }
    List<float[]> out = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      float[] s = new float[dimension()];
      for (int m = 0; m < members.size(); m++) {
        float[] v = byMember.get(m).get(i);
        for (int j = 0; j < s.length; j++) {
          s[j] += (float) (weights[m] * v[j]);
        }
      }
      out.add(Vectors.normalizeInPlace(s));
    }
    return out;
  }

  @Override
  public List<float[]> embedTexts(List<String> texts) {
    return members.get(0).embedTexts(texts);
  }

  @Override
  public float[] embedImageText(Path image, String instruction) {
    return Vectors.normalizedSum(embedImages(List.of(image)).get(0),
        embedTexts(List.of(instruction)).get(0));
  }

  @Override
  public void close() {
    members.forEach(JointEncoder::close);
  }
}
