"""Looking back at attempts: history queries, progress figures, comparisons, what to drill next."""
