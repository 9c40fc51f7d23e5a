package io.lensbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesEveryHtmlSpecialCharacter() {
    assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39; &#96;z&#96;",
        Html.esc("<script>alert(1)</script> & \"x\" 'y' `z`"));
    assertEquals("", Html.esc(null));
    assertEquals("한국어 ✓", Html.esc("한국어 ✓"));
    assertEquals("a\uFFFDb", Html.esc("a\u0000b"));
  }

  @Test
  void attributeBreakoutIsNeutralised() {
    String attr = "<div title=\"" + Html.esc("\" onmouseover=\"alert(1)") + "\">";
    assertFalse(attr.contains("\" onmouseover"), attr);
  }

  @Test
  void jsonForScriptCannotCloseTheScriptAndStaysValidJson() throws Exception {
    String json = new ObjectMapper().writeValueAsString(java.util.Map.of("t", "</script><!-- & \u2028"));
    String safe = Html.jsonForScript(json);
    assertFalse(safe.contains("<"), safe);
    assertFalse(safe.contains(">"), safe);
    assertFalse(safe.contains("&"), safe);
    assertFalse(safe.contains("\u2028"), safe);
    assertEquals("</script><!-- & \u2028", new ObjectMapper().readTree(safe).get("t").asText());
  }

  @Test
  void tokensAndNumbers() {
    assertEquals("run-b_x__y", Html.token("run-b x<\"y"));
    assertEquals("0.125", Html.num(0.125, 3));
    assertEquals("–", Html.num(Double.NaN, 3));
    assertEquals("1,5", Html.num(1.5, 1).replace('.', ',')); // Locale.ROOT always writes '.'
  }
}
