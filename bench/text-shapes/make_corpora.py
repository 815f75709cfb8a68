#!/usr/bin/env python3
"""Synthetic corpora with the real tasks' shapes, in their real file formats, for timing
`qcdsl train qrnn --task imdb|ptb|multi30k` where the datasets themselves are not available.

The words are random ("w123"), so the numbers that come out of training mean nothing; what matters is the
shape: vocabulary sizes, sequence lengths and batch sizes as in IMDB, PTB and Multi30K.

    python3 bench/text-shapes/make_corpora.py OUT_DIR
writes OUT_DIR/imdb/aclImdb/{train,test}/{pos,neg}/ID_RATING.txt (reviews of exactly 400 words, 25k-word
vocabulary), OUT_DIR/ptb/ptb.{train,valid,test}.txt (10k-word vocabulary, 21-word lines) and
OUT_DIR/multi30k/{train,val,test_2016_flickr}.{de,en} (12-word sentences, ~6-8k-word vocabularies).
"""
import os
import random
import sys


def words(rng, pool, n):
    return " ".join(f"w{rng.randrange(pool)}" for _ in range(n))


def imdb(root, rng, train_per_class=400, test_per_class=100, length=400, pool=25_000):
    for split, count in (("train", train_per_class), ("test", test_per_class)):
        for label, rating in (("pos", 8), ("neg", 2)):
            folder = os.path.join(root, "aclImdb", split, label)
            os.makedirs(folder, exist_ok=True)
            for i in range(count):
                with open(os.path.join(folder, f"{i}_{rating}.txt"), "w") as f:
                    f.write(words(rng, pool, length))


def ptb(root, rng, lines=(2_000, 200, 400), pool=9_998):
    os.makedirs(root, exist_ok=True)
    for name, count in zip(("train", "valid", "test"), lines):
        with open(os.path.join(root, f"ptb.{name}.txt"), "w") as f:
            for _ in range(count):
                f.write(" " + words(rng, pool, 20) + " \n")


def multi30k(root, rng, pairs=(2_000, 100, 1_000), pools=(8_000, 6_000)):
    os.makedirs(root, exist_ok=True)
    for prefix, count in zip(("train", "val", "test_2016_flickr"), pairs):
        for language, pool in zip(("de", "en"), pools):
            with open(os.path.join(root, f"{prefix}.{language}"), "w") as f:
                for _ in range(count):
                    f.write(words(rng, pool, 12) + " .\n")


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "runs/text-shapes"
    rng = random.Random(1)
    imdb(os.path.join(out, "imdb"), rng)
    ptb(os.path.join(out, "ptb"), rng)
    multi30k(os.path.join(out, "multi30k"), rng)
