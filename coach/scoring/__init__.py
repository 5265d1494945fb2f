"""Pure scoring functions: text analysis, concept matching, criteria, mistakes. No I/O."""
