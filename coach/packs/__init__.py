"""Finding, reading and validating problem packs, rubrics and the concept lexicon."""
