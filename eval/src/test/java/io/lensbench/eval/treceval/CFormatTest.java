package io.lensbench.eval.treceval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** printf("%6.4f") semantics: exact binary value, round-half-even, C's nan/inf spelling. */
class CFormatTest {
  private static String f64(double v) {
    ByteBuf b = new ByteBuf();
    CFormat.fixed(b, v, 6, 4);
    return new String(b.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII);
  }

  @Test
  void roundsTheExactBinaryValue() {
    assertEquals("0.1235", f64(0.12345)); // 0.123450000000000004174438572...: above the tie
    assertEquals("0.1234", f64(0.12344999999999999));
    assertEquals("0.0001", f64(0.00005)); // 5.00000000000000023960868e-05
    assertEquals("0.0000", f64(0.000049999999999999996));
    assertEquals("0.5000", f64(0.5));
    assertEquals("1.0000", f64(0.99999));
    assertEquals("0.9999", f64(0.99994999));
    assertEquals("-0.0000", f64(-0.00001));
    assertEquals("-0.0000", f64(-0.0));
    assertEquals("-3.2500", f64(-3.25));
    assertEquals("123456789.0000", f64(123456789.0));
    assertEquals("  -nan", f64(0.0 / 0.0));
    assertEquals("   inf", f64(Double.POSITIVE_INFINITY));
    assertEquals("  -inf", f64(Double.NEGATIVE_INFINITY));
    // exact ties (representable halves) go to even, as glibc does
    assertEquals("0.0312", CFormat.fixed(0.03125, 4));
    assertEquals("0.0938", CFormat.fixed(0.09375, 4));
    assertEquals("2.5", CFormat.fixed(2.45, 1)); // 2.4500000000000001776...
    assertEquals("0.12", CFormat.fixed(0.125, 2));
  }

  @Test
  void fastPathAgreesWithBigDecimal() {
    Random r = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      double v = r.nextInt(4) == 0 ? r.nextInt(100000) / 20000.0 : r.nextDouble() * Math.pow(10, r.nextInt(7) - 3);
      String exact = new java.math.BigDecimal(v).setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString();
      String want = exact.length() >= 6 ? exact : " ".repeat(6 - exact.length()) + exact;
      assertEquals(want, f64(v), () -> "value " + v);
    }
  }

  @Test
  void cLongTruncatesLikeX86() {
    assertEquals(3, CFormat.cLong(3.99));
    assertEquals(-3, CFormat.cLong(-3.99));
    assertEquals(Long.MIN_VALUE, CFormat.cLong(Double.NaN));
  }

  @Test
  void atofAndAtolFollowTheCLibrary() {
    assertEquals(0.1, CText.atof("0.1"));
    assertEquals(-1.5e-3, CText.atof("-1.5e-3"));
    assertEquals(1.5, CText.atof("1.5abc"));
    assertEquals(0.0, CText.atof("abc"));
    assertEquals(12.0, CText.atof("  12"));
    assertEquals(0.5, CText.atof(".5"));
    assertEquals(8.0, CText.atof("0x10p-1"));
    assertEquals(Double.POSITIVE_INFINITY, CText.atof("1e400"));
    assertEquals(Double.POSITIVE_INFINITY, CText.atof("inf"));
    assertEquals(0.30000000000000004, CText.atof("0.30000000000000004"));
    assertEquals(123456789012345678.0, CText.atof("123456789012345678"));
    assertEquals(2.0, CText.atof("2e"));
    assertEquals(23, CText.atol(CText.bytes("23.4")));
    assertEquals(-7, CText.atol(CText.bytes(" -7x")));
    assertEquals(Long.MAX_VALUE, CText.atol(CText.bytes("99999999999999999999")));
  }
}
