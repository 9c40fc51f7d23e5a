package io.lensbench.encoders.clip;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small real ONNX models (protobuf wire format, ONNX IR 7, opset 11) from Java, so tests
 * need no Python. Field numbers follow onnx/onnx.proto.
 */
final class OnnxModelWriter {
  static final int FLOAT = 1;
  static final int INT64 = 7;

  /** Protobuf message builder. */
  static final class Msg {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Msg varint(int field, long v) {
      tag(field, 0);
      raw(v);
      return this;
    }

    Msg bytes(int field, byte[] b) {
      tag(field, 2);
      raw(b.length);
      out.writeBytes(b);
      return this;
    }

    Msg str(int field, String s) {
      return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    Msg msg(int field, Msg m) {
      return bytes(field, m.out.toByteArray());
    }

    private void tag(int field, int wire) {
      raw(((long) field << 3) | wire);
    }

    private void raw(long v) {
      while ((v & ~0x7FL) != 0) {
        out.write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }

    byte[] toBytes() {
      return out.toByteArray();
    }
  }

  private final List<Msg> nodes = new ArrayList<>();
  private final List<Msg> inits = new ArrayList<>();
  private final List<Msg> inputs = new ArrayList<>();
  private final List<Msg> outputs = new ArrayList<>();

  /** dims: positive = fixed, 0 = symbolic (named dimN). */
  OnnxModelWriter input(String name, int elemType, long... dims) {
    inputs.add(valueInfo(name, elemType, dims));
    return this;
  }

  OnnxModelWriter output(String name, int elemType, long... dims) {
    outputs.add(valueInfo(name, elemType, dims));
    return this;
  }

  OnnxModelWriter floatTensor(String name, float[] data, long... dims) {
    ByteBuffer bb = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : data) {
      bb.putFloat(f);
    }
    Msg t = new Msg();
    for (long d : dims) {
      t.varint(1, d);
    }
    t.varint(2, FLOAT).str(8, name).bytes(9, bb.array());
    inits.add(t);
    return this;
  }

  /** A node; attrs as alternating name, value (Integer → INT, long[] → INTS). */
  OnnxModelWriter node(String op, String[] in, String[] outs, Object... attrs) {
    Msg n = new Msg();
    for (String i : in) {
      n.str(1, i);
    }
    for (String o : outs) {
      n.str(2, o);
    }
    n.str(3, op + "_" + nodes.size()).str(4, op);
    for (int a = 0; a < attrs.length; a += 2) {
      Msg at = new Msg().str(1, (String) attrs[a]);
      Object v = attrs[a + 1];
      if (v instanceof Integer i) {
        at.varint(3, i).varint(20, 2);
      } else if (v instanceof long[] ls) {
        for (long l : ls) {
          at.varint(8, l);
        }
        at.varint(20, 7);
      } else {
        throw new IllegalArgumentException("attribute type " + v.getClass());
      }
      n.msg(5, at);
    }
    nodes.add(n);
    return this;
  }

  byte[] build(String graphName) {
    Msg g = new Msg();
    nodes.forEach(n -> g.msg(1, n));
    g.str(2, graphName);
    inits.forEach(t -> g.msg(5, t));
    inputs.forEach(i -> g.msg(11, i));
    outputs.forEach(o -> g.msg(12, o));
    Msg model = new Msg().varint(1, 7).str(2, "lensbench-test").msg(7, g)
        .msg(8, new Msg().str(1, "").varint(2, 11));
    return model.toBytes();
  }

  private static Msg valueInfo(String name, int elemType, long... dims) {
    Msg shape = new Msg();
    for (int i = 0; i < dims.length; i++) {
      Msg d = new Msg();
      if (dims[i] > 0) {
        d.varint(1, dims[i]);
      } else {
        d.str(2, "dim" + i);
      }
      shape.msg(1, d);
    }
    Msg tensor = new Msg().varint(1, elemType).msg(2, shape);
    return new Msg().str(1, name).msg(2, new Msg().msg(1, tensor));
  }
}
