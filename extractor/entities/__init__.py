"""Owns named entities: people, organizations and places, found from the shipped lexicons and
context rules, then linked (a bare surname to the full name said before it)."""

from extractor.entities.linking import link, name_titled_speakers
from extractor.entities.recognizer import Mention, recognize

__all__ = ["Mention", "link", "name_titled_speakers", "recognize"]
