"""Normalise answer text into sentences of word tokens and stems."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")  # letters of any script and digits
# A sentence ends at a line break or at . ! ? followed by a space (so 1.5 and e.g.x stay whole).
_SENTENCE_END = re.compile(r"\n+|(?<=[.!?])\s+")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|\s-\s|\s—\s")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})

_stemmer = snowballstemmer.stemmer("english")


# Abstract nouns keep a mark of their suffix, so "availability" does not match "available
# drivers" and "consistency" does not match "consists of"; the lexicon lists the adjective
# phrasings that do mean the concept ("highly available", "strongly consistent").
_ABSTRACT_SUFFIXES = (("ities", "~ity"), ("ity", "~ity"), ("encies", "~ency"), ("ency", "~ency"),
                      ("ancies", "~ancy"), ("ancy", "~ancy"))


# Shorthand of terse answers, read as the word it stands for ("Location svc" is a service).
ABBREVIATIONS = {"svc": "service", "svcs": "services", "msg": "message", "msgs": "messages",
                 "req": "request", "reqs": "requests", "resp": "response", "conn": "connection",
                 "conns": "connections", "notif": "notification", "notifs": "notifications"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    stemmed = _stemmer.stemWord(ABBREVIATIONS.get(word, word))
    for suffix, mark in _ABSTRACT_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return stemmed + mark
    return stemmed


# ISO codes a pack may declare, and the Snowball stemmer of each.
LANGUAGES = {"en": "english", "fr": "french", "de": "german", "es": "spanish",
             "it": "italian", "pt": "portuguese", "nl": "dutch", "sv": "swedish",
             "no": "norwegian", "da": "danish", "fi": "finnish", "ru": "russian",
             "pl": "polish", "tr": "turkish", "hu": "hungarian", "ro": "romanian",
             "cs": "czech", "el": "greek", "id": "indonesian", "ar": "arabic", "ca": "catalan"}


@lru_cache(maxsize=64)
def stemmer_for(language: str) -> tuple[Callable[[str], str], str]:
    """The word-stemming function for a language, and a note when it is not English:
    another Snowball stemmer, or plain words when Snowball has none for it."""
    name = LANGUAGES.get(language.casefold(), language.casefold())
    if name == "english":
        return stem, ""
    if name in snowballstemmer.algorithms():
        return (lru_cache(maxsize=65536)(snowballstemmer.stemmer(name).stemWord),
                f"This problem is in {name.title()}: words are matched with the {name.title()} "
                "stemmer, and only the terms written in that language can match.")
    return (str, f"This problem is in '{language}', which has no stemmer here: words are "
                 "matched as written (plain tokens), so list each form you expect.")


def normalise(text: str) -> str:
    """Unicode-compatible, case-folded text with one kind of apostrophe."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)


def words(text: str) -> list[str]:
    """Lower-case word tokens; contractions lose their apostrophe (don't -> dont)."""
    return [token.replace("'", "") for token in WORD.findall(normalise(text))]


class Sentence(NamedTuple):
    index: int
    text: str  # as the candidate wrote it, trimmed
    words: tuple[str, ...]
    stems: tuple[str, ...]
    clauses: tuple[int, ...]  # clause number of each word; negation stays inside its clause


def sentences(text: str, stem_word: Callable[[str], str] = stem) -> list[Sentence]:
    """Split an answer into sentences and bullet lines, each with its tokens."""
    out: list[Sentence] = []
    chunks = _SENTENCE_END.split(text)
    # ASCII text (most answers) is normalised once; lowering keeps every position, so the
    # chunks line up with the original ones shown as evidence.
    lowered = _SENTENCE_END.split(text.lower().translate(_APOSTROPHES)) if text.isascii() \
        else None
    for position, chunk in enumerate(chunks):
        shown = _LIST_MARKER.sub("", chunk).strip()
        if not shown:
            continue
        if lowered is not None:
            plain = _LIST_MARKER.sub("", lowered[position]).strip()
        else:  # NFKC only where needed: it is slow on text that is not already normal
            plain = shown.lower().translate(_APOSTROPHES) if shown.isascii() else normalise(shown)
        tokens: list[str] = []
        clauses: list[int] = []
        for number, clause in enumerate(_CLAUSE_BREAK.split(plain)):
            clause_words = WORD.findall(clause)
            if "'" in clause:
                clause_words = [token.replace("'", "") for token in clause_words]
            tokens += clause_words
            clauses += [number] * len(clause_words)
        if tokens:
            out.append(Sentence(len(out), shown, tuple(tokens),
                                tuple(map(stem_word, tokens)), tuple(clauses)))
    return out


def word_count(text: str) -> int:
    return len(words(text))
