"""Owns duplicates across documents: exact and near-duplicate documents and paragraphs of a corpus,
found with MinHash LSH (datasketch) in time linear in the corpus size."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import regex

from extractor.errors import MissingDependencyError
from extractor.normalize import default_normalizer

NUM_PERM = 128
SHINGLE_WORDS = 5
SEED = 1
MIN_PARAGRAPH_WORDS = 8  # shorter paragraphs (bylines, captions) repeat by nature
_WORDS = regex.compile(r"[\p{L}\p{M}\p{N}\u200c]+")


def _datasketch():
    try:
        import datasketch
    except ImportError:
        raise MissingDependencyError(
            "finding duplicates across documents needs datasketch: pip install 'khabar[dedupe]'"
        ) from None
    return datasketch


def document_words(text: str) -> list[str]:
    """The words of a text, normalized: what duplicates are judged on."""
    return _WORDS.findall(default_normalizer().normalize(text).text)


def _fingerprint(words: list[str]) -> str:
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


class NearDuplicates:
    """Texts added one by one; each is matched against those before it (exactly, or by MinHash LSH)."""

    def __init__(self, threshold: float) -> None:
        datasketch = _datasketch()
        self._minhash = datasketch.MinHash
        self._lsh = datasketch.MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._exact: dict[str, str] = {}
        self._signatures: dict[str, object] = {}

    def _signature(self, words: list[str]):
        signature = self._minhash(num_perm=NUM_PERM, seed=SEED)
        shingles = {" ".join(words[index : index + SHINGLE_WORDS]) for index in range(max(1, len(words) - SHINGLE_WORDS + 1))}
        signature.update_batch([shingle.encode("utf-8") for shingle in shingles])
        return signature

    def add(self, key: str, words: list[str]) -> tuple[str, str, float] | None:
        """(key of the earlier copy, "exact" or "near", estimated Jaccard similarity), or None if new."""
        fingerprint = _fingerprint(words)
        if fingerprint in self._exact:
            return self._exact[fingerprint], "exact", 1.0
        self._exact[fingerprint] = key
        signature = self._signature(words)
        matches = sorted(self._lsh.query(signature))
        self._lsh.insert(key, signature)
        self._signatures[key] = signature
        if not matches:
            return None
        similarity, earlier = max((signature.jaccard(self._signatures[match]), match) for match in matches)
        return earlier, "near", round(similarity, 3)


class _Clusters:
    """Copies grouped under the first copy of their text, chains (C copies B copies A) included."""

    def __init__(self) -> None:
        self.copies: dict[str, list[dict]] = {}
        self._root: dict[str, str] = {}

    def add(self, key: str, match: tuple[str, str, float] | None) -> None:
        if match is None:
            return
        earlier, kind, similarity = match
        root = self._root.get(earlier, earlier)
        self._root[key] = root
        self.copies.setdefault(root, []).append({"id": key, "kind": kind, "similarity": similarity})

    def as_list(self) -> list[dict]:
        return [{"first": first, "copies": copies} for first, copies in self.copies.items()]


def find_duplicates(documents: Iterable[tuple[str, str]], threshold: float = 0.8) -> dict:
    """Clusters of duplicate documents and of paragraphs repeated across documents.

    `documents` yields (id, raw text). Paragraphs are keyed "ID#N" (N counts non-empty lines from 0).
    """
    document_index, paragraph_index = NearDuplicates(threshold), NearDuplicates(threshold)
    document_clusters, paragraph_clusters = _Clusters(), _Clusters()
    count = 0
    for document_id, text in documents:
        count += 1
        normalized = default_normalizer().normalize(text).text
        document_clusters.add(document_id, document_index.add(document_id, _WORDS.findall(normalized)))
        for number, paragraph in enumerate(line for line in normalized.split("\n") if line.strip()):
            words = _WORDS.findall(paragraph)
            if len(words) < MIN_PARAGRAPH_WORDS:
                continue
            key = f"{document_id}#{number}"
            match = paragraph_index.add(key, words)
            if match is not None and match[0].rsplit("#", 1)[0] != document_id:  # across documents only
                paragraph_clusters.add(key, match)
    return {
        "documents": count,
        "duplicate_documents": document_clusters.as_list(),
        "repeated_paragraphs": paragraph_clusters.as_list(),
    }
